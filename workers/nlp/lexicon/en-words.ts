import type { WordGroup } from './types.js';

/**
 * English emotion words and corrections on top of AFINN-165 (the valence list that natural's
 * SentimentAnalyzer uses). These groups set the emotion and override AFINN's polarity for the word.
 */
export const EN_WORDS: readonly WordGroup[] = [
  [0.9, 'joy', 'happy glad great awesome amazing love loved lovely wonderful excellent fantastic brilliant yay congrats congratulations proud relieved delighted'],
  [0.5, 'joy', 'haha hahaha lol lmao funny enjoy enjoyed'],
  [0.8, null, 'thanks thank grateful heroes hero brave kudos bravo respect salute appreciate appreciated professional helpful'],
  [-1.0, 'anger', 'angry furious outraged outrage outrageous infuriating pissed livid disgraceful unacceptable hate hateful'],
  [-0.7, 'anger', 'mad rage shame shameful ridiculous'],
  [-0.9, 'sadness', 'sad heartbroken tragic tragedy devastated depressing grief mourn mourning'],
  [-0.5, 'sadness', 'rip condolences crying cry tears unfortunately sorry'],
  [-0.8, 'fear', 'scared afraid terrifying terrified scary frightening fear fearful panic'],
  [-0.5, 'fear', 'worried worry anxious dangerous unsafe nervous'],
  [0.0, 'surprise', 'shocked shocking wow omg unbelievable surprised surprising unexpected whoa'],
  [-1.0, 'disgust', 'disgusting disgusted gross vile nasty revolting appalling sickening'],
  [-0.7, 'disgust', 'awful horrible pathetic sick'],
  [-1.0, null, 'corrupt corruption brutality incompetent useless abuse coverup negligent negligence misconduct'],
];

/**
 * AFINN words whose valence misleads here: function words ("like", "no"), stance words that the
 * stance classifier reads instead ("true", "false"), and intensifiers handled as degree adverbs.
 * Polarity 0 removes the word from the sentiment sum.
 */
export const EN_OVERRIDES: Readonly<Record<string, number>> = {
  like: 0.2, no: 0, yes: 0.2, true: 0, false: 0, please: 0.2, pretty: 0, kind: 0.2, well: 0, super: 0,
  so: 0, really: 0, very: 0, help: 0.2, want: 0, care: 0.3, ok: 0.1, okay: 0.1, cool: 0.5, matter: 0,
  police: 0, arrest: -0.2, arrested: -0.2, crime: -0.2, killed: -0.4, kill: -0.4, fake: -0.5, hoax: -0.4,
};

/** AFINN gives integers in [-5, 5]; this brings them to the Chinese lexicon's scale. */
export const AFINN_SCALE = 0.3;
