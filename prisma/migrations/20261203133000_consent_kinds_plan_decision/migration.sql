-- Issue 15: the individual plan's measures and the coordination meeting's joint decisions are
-- each agency's information, shown to another agency only under consent. A value added to an enum
-- cannot be used in the same transaction, so the CHECK constraint follows in the next migration.
ALTER TYPE "ConsentInfoKind" ADD VALUE 'PLAN_MEASURE';
ALTER TYPE "ConsentInfoKind" ADD VALUE 'JOINT_DECISION';
