import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDueOnToReplies1795300000022 implements MigrationInterface {
  name = 'AddDueOnToReplies1795300000022';

  async up(q: QueryRunner): Promise<void> {
    // The due date a reply answered, fixed at sign-off. 重新办理 gives the assignment a new due
    // date; without this, a first reply signed late would be judged against the later date and
    // count as on time in 按期答复率.
    await q.query(`ALTER TABLE replies ADD COLUMN due_on date`);
    // Replies signed before this column: the assignment's present due date is the best record
    // there is (it differs only where a re-handling moved it since).
    await q.query(`ALTER TABLE replies DISABLE TRIGGER replies_signed_are_final`);
    await q.query(`
      UPDATE replies r SET due_on = a.due_on
        FROM assignments a
       WHERE a.id = r.assignment_id AND r.signed_on IS NOT NULL`);
    await q.query(`ALTER TABLE replies ENABLE TRIGGER replies_signed_are_final`);
    await q.query(`
      ALTER TABLE replies ADD CONSTRAINT replies_signed_has_due_on
        CHECK (status NOT IN ('signed', 'issued', 'voided') OR due_on IS NOT NULL)`);
    // Like the rest of a signed reply, the due date it answered never changes.
    await q.query(`
      CREATE OR REPLACE FUNCTION replies_signed_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
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
          OR NEW.due_on IS DISTINCT FROM OLD.due_on
          OR NEW.assignment_id IS DISTINCT FROM OLD.assignment_id
          OR (OLD.status = 'voided' AND NEW.status <> 'voided')
          OR NEW.status NOT IN ('signed', 'issued', 'voided')) THEN
          RAISE EXCEPTION 'reply % is signed and cannot change', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION replies_signed_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`ALTER TABLE replies DROP CONSTRAINT replies_signed_has_due_on`);
    await q.query(`ALTER TABLE replies DROP COLUMN due_on`);
  }
}
