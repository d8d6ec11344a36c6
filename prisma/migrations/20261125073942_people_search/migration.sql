-- People search at scale (issue 3): word-prefix search over name and aliases from a trigram index,
-- and an index for the "notified / not yet notified" filter.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- " first last alias1 alias2", lower-cased, hyphens as word breaks: `LIKE '% ann%'` then finds
-- every word that starts with "ann" (Anna-Karin, Ann, Annie). Lower-casing must fold å, ä, ö in
-- any database locale (the test servers run with locale C, where lower() folds ASCII only), so
-- the ICU root collation is used where the server has ICU; the app folds the search terms alike.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
    CREATE FUNCTION person_search_text_of(first_name text, last_name text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
      SELECT ' ' || translate(lower(concat_ws(' ', first_name, last_name, array_to_string(aliases, ' ')) COLLATE "und-x-icu"), '-', ' ')
    $f$;
    CREATE FUNCTION person_sort_name_of(first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
      SELECT lower(concat_ws(' ', last_name, first_name) COLLATE "und-x-icu")
    $f$;
  ELSE
    CREATE FUNCTION person_search_text_of(first_name text, last_name text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
      SELECT ' ' || translate(lower(concat_ws(' ', first_name, last_name, array_to_string(aliases, ' '))), '-', ' ')
    $f$;
    CREATE FUNCTION person_sort_name_of(first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
      SELECT lower(concat_ws(' ', last_name, first_name))
    $f$;
  END IF;
END
$$;

CREATE FUNCTION person_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := person_search_text_of(NEW."firstName", NEW."lastName", NEW.aliases);
  NEW."sortName" := person_sort_name_of(NEW."firstName", NEW."lastName");
  RETURN NEW;
END
$$;

-- Every writer (the app, the seed, imports, anonymisation) keeps the column right.
CREATE TRIGGER person_search_text BEFORE INSERT OR UPDATE ON "Person"
  FOR EACH ROW EXECUTE FUNCTION person_search_text();

UPDATE "Person" SET "searchText" = person_search_text_of("firstName", "lastName", aliases), "sortName" = person_sort_name_of("firstName", "lastName");

-- Search results are ordered by "sortName", which has no b-tree index on purpose: ordered by an
-- indexed column, PostgreSQL walks that index and filters each row until a page is full, which
-- is slow when the matches cluster in the order (every "Lind…" sits in one stretch of the L's).
-- Unindexed, it takes the matches from the trigram index and sorts only those.

-- CreateIndex
CREATE INDEX "CustomNotification_personId_outcome_idx" ON "CustomNotification"("personId", "outcome");

-- CreateIndex
CREATE INDEX "Person_searchText_trgm_idx" ON "Person" USING GIN ("searchText" gin_trgm_ops);
