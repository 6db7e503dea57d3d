import { Type } from 'typebox';

/**
 * A calendar day, YYYY-MM-DD, for every API schema. The pattern alone let days that do not
 * exist (2024-02-30, 2024-00-10) through to the services, where they broke date arithmetic and
 * the search index with a 500; the `date` format (known to Fastify's validator and to TypeBox's
 * Value) refuses them with a 400 first.
 */
export const IsoDate = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
