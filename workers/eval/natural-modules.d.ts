// natural ships no declarations for its individual files, and importing the package itself loads
// ~150 MB and prints to stdout; the two classes the evaluation compares against are declared here.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export default class BayesClassifier {
    constructor();
    addDocument(doc: string | string[], label: string): void;
    train(): void;
    classify(doc: string | string[]): string;
  }
}
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer.js' {
  export default class SentimentAnalyzer {
    constructor(language: string, stemmer: unknown, vocabulary: string);
    getSentiment(words: string[]): number;
  }
}
