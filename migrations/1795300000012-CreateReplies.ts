import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReplies1795300000012 implements MigrationInterface {
  name = 'CreateReplies1795300000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE reply_status AS ENUM (
        'drafting', 'in_review', 'awaiting_signoff', 'signed', 'issued', 'withdrawn', 'voided'
      )`);
    // One reply per lead or separate assignment and handling round (a new round per 重新办理).
    // bureau_id and proposal_id repeat the assignment's so every scoped read is one index away.
    await q.query(`
      CREATE TABLE replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
        bureau_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
        round smallint NOT NULL DEFAULT 1 CHECK (round >= 1),
        status reply_status NOT NULL DEFAULT 'drafting',
        review_steps jsonb NOT NULL DEFAULT '[]'::jsonb,
        current_step smallint CHECK (current_step >= 0),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        started_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        last_saved_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        last_saved_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        grade text,
        document_number text,
        document_number_prefix text,
        document_number_year smallint,
        document_number_sequence integer,
        signed_version integer,
        signatory_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        signatory_name text,
        signed_on date,
        signed_at timestamptz,
        issued_at timestamptz,
        voided_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        voided_at timestamptz,
        void_reason text,
        withdrawn_at timestamptz,
        withdraw_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT replies_review_has_a_step CHECK (status <> 'in_review' OR current_step IS NOT NULL),
        CONSTRAINT replies_signed_is_complete CHECK (
          status NOT IN ('signed', 'issued', 'voided') OR (
            document_number IS NOT NULL AND grade IS NOT NULL AND signatory_id IS NOT NULL
            AND signatory_name IS NOT NULL AND signed_on IS NOT NULL AND signed_at IS NOT NULL
            AND signed_version IS NOT NULL)),
        CONSTRAINT replies_void_says_why CHECK (
          status <> 'voided' OR (voided_at IS NOT NULL AND btrim(coalesce(void_reason, '')) <> '')),
        CONSTRAINT replies_document_number_key UNIQUE (document_number),
        CONSTRAINT replies_document_number_series_key
          UNIQUE (document_number_prefix, document_number_year, document_number_sequence)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX replies_one_live_per_round ON replies (assignment_id, round)
        WHERE status NOT IN ('withdrawn', 'voided')`);
    await q.query(`CREATE INDEX replies_bureau_status_idx ON replies (bureau_id, status)`);
    await q.query(`CREATE INDEX replies_proposal_idx ON replies (proposal_id)`);

    // Every save is a version; none is ever changed or removed.
    await q.query(`
      CREATE TABLE reply_versions (
        reply_id uuid NOT NULL REFERENCES replies (id) ON DELETE RESTRICT,
        number integer NOT NULL CHECK (number >= 1),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        saved_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reply_id, number)
      )`);
    await q.query(`
      CREATE FUNCTION reply_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'reply_versions is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER reply_versions_no_update_or_delete BEFORE UPDATE OR DELETE ON reply_versions
        FOR EACH ROW EXECUTE FUNCTION reply_versions_append_only()`);

    // A signed letter is final: its text, grade, number and signatory never change, whatever
    // code runs. Only issuing and voiding (with its reason) may still touch the row.
    await q.query(`
      CREATE FUNCTION replies_signed_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'replies are never deleted';
        END IF;
        IF OLD.status IN ('signed', 'issued', 'voided') AND (
             NEW.version IS DISTINCT FROM OLD.version
          OR NEW.grade IS DISTINCT FROM OLD.grade
          OR NEW.document_number IS DISTINCT FROM OLD.document_number
          OR NEW.document_number_prefix IS DISTINCT FROM OLD.document_number_prefix
          OR NEW.document_number_year IS DISTINCT FROM OLD.document_number_year
          OR NEW.document_number_sequence IS DISTINCT FROM OLD.document_number_sequence
          OR NEW.signed_version IS DISTINCT FROM OLD.signed_version
          OR NEW.signatory_id IS DISTINCT FROM OLD.signatory_id
          OR NEW.signatory_name IS DISTINCT FROM OLD.signatory_name
          OR NEW.signed_on IS DISTINCT FROM OLD.signed_on
          OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
          OR NEW.assignment_id IS DISTINCT FROM OLD.assignment_id
          OR (OLD.status = 'voided' AND NEW.status <> 'voided')
          OR NEW.status NOT IN ('signed', 'issued', 'voided')) THEN
          RAISE EXCEPTION 'reply % is signed and cannot change', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER replies_signed_are_final BEFORE UPDATE OR DELETE ON replies
        FOR EACH ROW EXECUTE FUNCTION replies_signed_are_final()`);

    // A reviewer's comment, anchored to a part of the text, and the clerk's answer.
    await q.query(`
      CREATE TABLE review_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reply_id uuid NOT NULL REFERENCES replies (id) ON DELETE RESTRICT,
        version_number integer NOT NULL,
        step_name text NOT NULL,
        anchor text NOT NULL CHECK (anchor ~ '^(general|title|addressees|opening|preamble|closing|issuer|contact|cc|disclosure|grade|section:[0-9]{1,3})$'),
        body text NOT NULL CHECK (btrim(body) <> ''),
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Comments sent back together share created_at; this keeps them in the order the reviewer wrote them.
        written_order bigint GENERATED ALWAYS AS IDENTITY,
        answer text,
        answered_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        answered_at timestamptz,
        CONSTRAINT review_comments_answer_is_whole CHECK (
          (answer IS NULL AND answered_by IS NULL AND answered_at IS NULL)
          OR (btrim(answer) <> '' AND answered_by IS NOT NULL AND answered_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX review_comments_reply_idx ON review_comments (reply_id, written_order)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_comments`);
    await q.query(`DROP TABLE reply_versions`);
    await q.query(`DROP FUNCTION reply_versions_append_only()`);
    await q.query(`DROP TABLE replies`);
    await q.query(`DROP FUNCTION replies_signed_are_final()`);
    await q.query(`DROP TYPE reply_status`);
  }
}
