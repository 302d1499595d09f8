/**
 * `token create [--label L]`: writes a new write token's sha256 straight into the table (TABLE_NAME, with the
 * usual AWS credentials and region; AWS_ENDPOINT_URL_DYNAMODB for an emulator). For AWS deploys, where no
 * runtime generates one. The token is printed once and never stored in clear.
 */

import { generateToken, hashToken } from '../../shared/auth/token';
import { documentClient } from '../../shared/aws/clients';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import type { CommandContext } from '../context';
import { formatJson } from '../format';
import { CliError } from '../io';

export async function tokenCommand(ctx: CommandContext): Promise<number> {
  if (ctx.positionals[0] !== 'create' || ctx.positionals.length > 1) {
    throw new CliError(
      'usage: factsheet token create [--label LABEL]   (needs TABLE_NAME and AWS credentials)',
      2,
    );
  }
  const tableName = ctx.io.env.TABLE_NAME;
  if (!tableName)
    throw new CliError(
      'token create writes to the table named by TABLE_NAME: set it (see README "Deploying to AWS")',
      2,
    );
  const token = generateToken();
  const label = ctx.flags.label ?? `cli ${new Date().toISOString()}`;
  try {
    await new DynamoTokenRepository(documentClient(), tableName).putTokenHash(hashToken(token), label);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`could not store the token in table ${tableName}: ${(err as Error).message}`);
  }
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson({ token, label, table: tableName })
      : `${token}\n(stored hashed in ${tableName} as "${label}"; this is the only time it is shown)\n`,
  );
  return 0;
}
