/** In-memory RevisionDocumentStore for domain tests: same encoding as S3, no network. */
import {
  decodeDocument,
  encodeDocument,
  type RevisionDocument,
  type RevisionDocumentStore,
} from '../../../shared/store/revision-documents';

export class InMemoryRevisionDocuments implements RevisionDocumentStore {
  readonly objects = new Map<string, Buffer>();

  async put(key: string, document: RevisionDocument): Promise<void> {
    this.objects.set(key, encodeDocument(document));
  }

  async get(key: string): Promise<RevisionDocument | null> {
    const bytes = this.objects.get(key);
    return bytes ? decodeDocument(bytes) : null;
  }

  async presignedUrl(key: string, expiresInSeconds: number): Promise<string> {
    return `memory://${key}?expires=${expiresInSeconds}`;
  }
}
