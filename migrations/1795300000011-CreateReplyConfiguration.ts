import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReplyConfiguration1795300000011 implements MigrationInterface {
  name = 'CreateReplyConfiguration1795300000011';

  async up(q: QueryRunner): Promise<void> {
    // 办理结果 classes per body: A/B/C by default, with D (留作参考) where a jurisdiction uses four.
    await q.query(`
      CREATE TABLE grade_scales (
        body session_body PRIMARY KEY,
        classes jsonb NOT NULL CHECK (jsonb_typeof(classes) = 'array' AND jsonb_array_length(classes) BETWEEN 2 AND 6),
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    const abc = JSON.stringify([
      { grade: 'A', label: '已解决或基本解决', meaning: '所提问题已经解决或基本解决' },
      { grade: 'B', label: '正在解决或列入计划解决', meaning: '所提问题正在解决或已列入计划逐步解决' },
      { grade: 'C', label: '因条件限制暂时不能解决', meaning: '因目前条件限制或其他原因暂时不能解决' },
    ]);
    await q.query(`INSERT INTO grade_scales (body, classes) VALUES ('cppcc', $1::jsonb), ('npc', $1::jsonb)`, [abc]);

    // A body's template (bureau_id NULL) and a bureau's own for that body; the code holds the defaults.
    await q.query(`
      CREATE TABLE reply_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body session_body NOT NULL,
        bureau_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
        title_template text NOT NULL CHECK (btrim(title_template) <> ''),
        opening_template text NOT NULL CHECK (btrim(opening_template) <> ''),
        organisation_opening_template text NOT NULL CHECK (btrim(organisation_opening_template) <> ''),
        closing jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(closing) = 'array'),
        default_cc jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(default_cc) = 'array'),
        headings_on_own_line boolean NOT NULL DEFAULT false,
        honorific text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reply_templates_one_per_body_and_bureau UNIQUE NULLS NOT DISTINCT (body, bureau_id)
      )`);

    // 审核 steps before 签发, e.g. 科室审核 → 办公室审核; sign-off by a signatory always follows.
    await q.query(`
      CREATE TABLE review_chains (
        bureau_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE RESTRICT,
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) <= 6),
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_chains`);
    await q.query(`DROP TABLE reply_templates`);
    await q.query(`DROP TABLE grade_scales`);
  }
}
