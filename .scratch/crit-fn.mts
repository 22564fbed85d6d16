import { loadDomainSet } from '../workers/train/domain-labels.js';
import { tagDomainItems } from '../workers/eval/domain-eval.js';
import { createTagger } from '../workers/nlp/tagger.js';
import { datasetsDir } from '../workers/train/datasets.js';
const set = await loadDomainSet(datasetsDir());
const tags = tagDomainItems(set, createTagger());
let n = 0;
set.forEach((e, i) => { if (e.critical && !tags[i]!.critical && n++ < 30) console.log(e.lang, e.kind, '|', e.text.slice(0, 110).replace(/\n/g,' ')); });
