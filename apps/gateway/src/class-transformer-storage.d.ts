// class-transformer ships the types of its deep modules apart from the code: what `openapi.ts` reads.
declare module 'class-transformer/cjs/storage.js' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage.js';
}
