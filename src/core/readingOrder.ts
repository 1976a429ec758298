import { kindFromFileName } from './kind';
import { dirname, isInside } from './paths';

/**
 * The order an editor reads a folder's files in when it opens, so the documents open in it get
 * their findings first: the files of their products (the folder of the nearest file named as a
 * vision above each, with everything below it), and the files directly in the folders above (where
 * company-wide goals usually live), then the rest. `first` is empty when the open documents' product
 * is the whole folder: then nothing can be published before everything is read.
 */
export function readingOrder(relPaths: readonly string[], open: readonly string[]): { first: string[]; rest: string[] } {
  const visionDirs = new Set(relPaths.filter((p) => kindFromFileName(p) === 'vision').map(dirname));
  const products = new Set<string>();
  for (const doc of open) {
    for (let dir = dirname(doc); ; dir = dirname(dir)) {
      if (visionDirs.has(dir)) {
        products.add(dir);
        break;
      }
      if (dir === '') break;
    }
  }
  if (products.size === 0 || products.has('')) return { first: [], rest: [...relPaths] };
  const above = new Set<string>();
  for (const product of products) for (let dir = dirname(product); ; dir = dirname(dir)) {
    above.add(dir);
    if (dir === '') break;
  }
  const first: string[] = [];
  const rest: string[] = [];
  for (const p of relPaths) {
    if ([...products].some((d) => isInside(p, d)) || above.has(dirname(p))) first.push(p);
    else rest.push(p);
  }
  return { first, rest };
}
