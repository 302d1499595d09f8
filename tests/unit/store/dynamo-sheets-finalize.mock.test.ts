/**
 * finalize against newer writers that keep winning (an interleaving the emulators cannot hold still):
 * every round re-projects the current latest revision, and when the rounds run out META stops claiming a
 * projection that late writes may have damaged, so the next finalizeLatest repairs it.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { parseSheet } from '../../../shared/index';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
import { headerBody } from '../../../shared/store/revision-items';
import { InMemoryRevisionDocuments } from '../../support/fakes/memory-revision-documents';
import { fixture } from '../../support/pipeline-deps';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const sheet = parseSheet(fixture('sheets/mali.txt'), { id: 'mali', contentType: 'text/plain' });

it('re-projects the latest revision each round and finally clears projectedRevision', async () => {
  // Someone else's revision 9 is the latest, and META claims it projected.
  const latestHeader = headerBody(
    {
      id: 'mali',
      revision: 9,
      sourceHash: 'h',
      archiveKey: 'archive/mali/h.txt',
      parserVersion: sheet.parserVersion,
      contentType: 'text/plain',
      reason: 'upload',
      createdAt: '2026-01-01T00:00:00.000Z',
      title: sheet.title,
      country: sheet.country,
      counts: { sections: 0, figures: 0 },
      diff: null,
    },
    { ...sheet, sections: [], figures: [] },
  );
  const documents = new InMemoryRevisionDocuments();
  const latestDocument = 'parsed/mali/9.beef.json.gz';
  await documents.put(latestDocument, {
    header: latestHeader.header,
    sheet: { ...sheet, sections: [], figures: [] },
  });
  ddbMock.on(GetCommand).callsFake((input: { Key: { sk: string } }) => {
    if (input.Key.sk === 'META') {
      return {
        Item: {
          pk: 'SHEET#mali',
          sk: 'META',
          latestRevision: 9,
          projectedRevision: 9,
          latestAttempt: 'beef',
        },
      };
    }
    if (input.Key.sk === 'REV#00000009#beef#H') {
      return { Item: { body: JSON.stringify({ ...latestHeader, document: latestDocument }) } };
    }
    return {};
  });
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
  const conflict = new ConditionalCheckFailedException({ message: 'c', $metadata: { httpStatusCode: 400 } });
  ddbMock.on(UpdateCommand).callsFake((input: { UpdateExpression: string }) => {
    if (input.UpdateExpression.startsWith('SET projectedRevision')) throw conflict;
    return { Attributes: undefined };
  });

  const repo = new DynamoSheetRepository(client, 'table', { documents });
  await repo.publishRevision({ sheet, archiveKey: 'a', reason: 'upload', diff: null, expectedLatest: 0 });

  const updates = ddbMock.commandCalls(UpdateCommand).map((c) => c.args[0].input);
  const marks = updates.filter((u) => u.UpdateExpression?.startsWith('SET projectedRevision'));
  // Round 1 for our revision 1, then revision 9 each time, although META said it was projected.
  expect(marks.map((u) => u.ExpressionAttributeValues?.[':rev'])).toEqual([1, 9, 9, 9, 9]);
  expect(updates.at(-1)?.UpdateExpression).toBe('REMOVE projectedRevision');
  // Each re-projection read the projection afresh.
  const projectionReads = ddbMock
    .commandCalls(QueryCommand)
    .filter((c) => c.args[0].input.ExpressionAttributeValues?.[':prefix'] === 'LATEST#');
  expect(projectionReads).toHaveLength(4);
});
