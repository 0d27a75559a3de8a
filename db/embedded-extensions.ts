/**
 * The PostgreSQL extensions the migrations create (db/migrations/*_sql.sql), as PGlite loads them:
 * pg_trgm for the search indexes, btree_gin for the indexes that pair a team with a title search.
 */
export async function embeddedExtensions() {
  const [{ pg_trgm }, { btree_gin }] = await Promise.all([import("@electric-sql/pglite/contrib/pg_trgm"), import("@electric-sql/pglite/contrib/btree_gin")]);
  return { pg_trgm, btree_gin };
}
