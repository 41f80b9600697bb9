import * as pagefind from 'pagefind';
const site = process.argv[2]!;
const t = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
const added = await index!.addDirectory({ path: site });
const t2 = performance.now();
const files = await index!.getFiles();
console.log('node api: addDirectory', ((t2 - t) / 1000).toFixed(1), 's, getFiles', ((performance.now() - t2) / 1000).toFixed(1), 's', added.page_count, files.files.length);
await pagefind.close();
