/** Schemas of the source registry's bodies (`/sources`), registered as OpenAPI components. */
import * as z from 'zod';
import { component, isoTime, pageComponent } from './schemas';

export const sourceSchema = component(
  'Source',
  z.object({
    id: z.string(),
    url: z.string(),
    enabled: z.boolean(),
    etag: z.string().optional(),
    lastModified: z.string().optional(),
    contentHash: z.string().optional(),
    lastCheckedAt: isoTime.optional(),
    lastStatus: z.enum(['unchanged', 'updated', 'failed', 'pending']).optional(),
    lastError: z.string().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  }),
  'A registered source URL and the result of its last check',
);

export const sourceListSchema = pageComponent('SourceList', sourceSchema);

export const sourceRegistrationSchema = component(
  'SourceRegistration',
  z.object({ url: z.url({ protocol: /^https?$/ }).max(2048), enabled: z.boolean().optional() }),
  'The URL to refresh this sheet from (http or https, on an allowed host); `enabled: false` pauses it',
);
