import type { DocumentId } from '../routes/hash-route.js';

export const documentTitles: Readonly<Record<DocumentId, string>> = {
  privacy: 'Privacy statement',
  terms: 'Terms of use',
};
