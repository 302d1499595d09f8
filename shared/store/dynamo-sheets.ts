/**
 * SheetRepository over the single DynamoDB table (lib-dynamodb document client) and the revision documents
 * in S3 (revision-documents.ts): the reads (sheet-reads.ts), the publish protocol (sheet-publisher.ts),
 * error records (sheet-errors.ts) and the cross-sheet figure query (latest-figure-query.ts) behind one port.
 * The storage model and publish protocol are described in docs/architecture.md.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BackoffOptions } from './batch-write';
import { DynamoTable } from './dynamo-table';
import { queryLatestFigures } from './latest-figure-query';
import { readMetas } from './meta-batch';
import { updateMetaIf } from './meta-item';
import type {
  FigureQuery,
  LatestFigure,
  Page,
  PageRequest,
  PublishInput,
  SheetErrorRecord,
  SheetMeta,
  SheetRepository,
} from './ports';
import type { RevisionDocumentStore } from './revision-documents';
import { listSheetErrors, recordSheetError } from './sheet-errors';
import { DynamoSheetPublisher } from './sheet-publisher';
import { DynamoSheetReads } from './sheet-reads';

export interface DynamoSheetRepositoryOptions {
  /** Clock for createdAt/updatedAt (ISO strings). */
  now?: () => Date;
  backoff?: BackoffOptions;
  /** Where revision documents go (required to publish; reading legacy revisions works without). */
  documents?: RevisionDocumentStore;
}

export class DynamoSheetRepository extends DynamoSheetReads implements SheetRepository {
  private readonly publisher: DynamoSheetPublisher;

  constructor(
    protected readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    options: DynamoSheetRepositoryOptions = {},
  ) {
    super(new DynamoTable(client, tableName, options.backoff), options.documents);
    this.publisher = new DynamoSheetPublisher(this.table, this, {
      now: options.now ?? (() => new Date()),
      documents: options.documents,
      beforeFlip: (id, revision) => this.beforeFlip(id, revision),
    });
  }

  getMetas(ids: readonly string[]): Promise<Map<string, SheetMeta | null>> {
    return readMetas(this.table, ids);
  }

  publishRevision(input: PublishInput): Promise<number> {
    return this.publisher.publishRevision(input);
  }

  /**
   * Completes a publish whose writer stopped after the META flip (marker and projection of the latest
   * revision). Idempotent; cheap when there is nothing to do.
   */
  finalizeLatest(id: string): Promise<void> {
    return this.publisher.finalizeLatest(id);
  }

  async markAnnounced(id: string, revision: number): Promise<void> {
    // Refused when a newer flip set it again (that revision's own emit clears it) or it is already clear.
    await updateMetaIf(
      this.table,
      id,
      {
        update: 'REMOVE unannouncedRevision',
        condition: 'unannouncedRevision = :rev',
        values: { ':rev': revision },
      },
      'DynamoDB META announced',
    );
  }

  recordError(id: string, error: SheetErrorRecord): Promise<void> {
    return recordSheetError(this.table, id, error);
  }

  listErrors(id: string, page: PageRequest): Promise<Page<SheetErrorRecord>> {
    return listSheetErrors(this.table, id, page);
  }

  queryLatestFigures(query: FigureQuery): Promise<Page<LatestFigure>> {
    return queryLatestFigures(this.table, query);
  }

  /** Test seam: runs between the child writes and the META flip (failure injection). */
  protected async beforeFlip(_id: string, _revision: number): Promise<void> {}
}
