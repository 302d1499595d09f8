/**
 * TokenRepository over the single table: `TOKEN#{sha256}` / `TOKEN` items. Only hashes are stored, so a
 * table dump reveals no usable token.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import type { TokenRepository } from './ports';

const HASH = /^[0-9a-f]{64}$/;

export function tokenKey(hash: string): { pk: string; sk: string } {
  return { pk: `TOKEN#${hash}`, sk: 'TOKEN' };
}

export class DynamoTokenRepository implements TokenRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async hasTokenHash(hash: string): Promise<boolean> {
    if (!HASH.test(hash)) return false;
    try {
      const res = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: tokenKey(hash), ConsistentRead: true }),
      );
      return res.Item !== undefined && res.Item.active !== false;
    } catch (err) {
      return translateAwsError(err, 'token lookup');
    }
  }

  async putTokenHash(hash: string, label: string): Promise<void> {
    if (!HASH.test(hash)) throw new RangeError('putTokenHash expects a sha256 hex digest, not a token');
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...tokenKey(hash), label, active: true, createdAt: this.now().toISOString() },
        }),
      );
    } catch (err) {
      return translateAwsError(err, 'token write');
    }
  }
}
