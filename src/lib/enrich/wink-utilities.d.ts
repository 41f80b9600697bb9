/** wink-nlp types its utilities under the extension-less path; Node ESM needs the `.js` one. */
declare module 'wink-nlp/utilities/bm25-vectorizer.js' {
  export { default } from 'wink-nlp/utilities/bm25-vectorizer';
}
