import { loadModernSet } from '../workers/eval/modern-set.js';
import { domainRows, tagDomainItems } from '../workers/eval/domain-eval.js';
import { createTagger } from '../workers/nlp/tagger.js';
import { loadModels } from '../workers/nlp/model/registry.js';
const set = loadModernSet();
const tagger = createTagger(process.argv[2] ? { models: loadModels(process.argv[2]) } : {});
for (const r of domainRows(set, tagDomainItems(set, tagger), 'm', 'modern', '')) console.log(r.task.padEnd(24), r.metric.padEnd(18), (r.ours ?? 0).toFixed(3), r.split);
