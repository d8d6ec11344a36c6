-- The combinations lib/authz/consent-coverage.ts lists: plan measures and joint decisions go from
-- any agency to any other (the plan and the meeting are the three agencies' joint work).
ALTER TABLE "ConsentCoverage" DROP CONSTRAINT consent_coverage_combination;
ALTER TABLE "ConsentCoverage" ADD CONSTRAINT consent_coverage_combination CHECK (
  ("kind" IN ('REFERRAL_STATUS', 'SUPPORT_MEASURE_STATUS') AND "fromAgency" = 'SOCIAL' AND "toAgency" IN ('POLICE', 'PROBATION'))
  OR ("kind" = 'FOLLOW_UP' AND "fromAgency" IN ('SOCIAL', 'PROBATION') AND "toAgency" IN ('SOCIAL', 'PROBATION') AND "fromAgency" <> "toAgency")
  OR ("kind" IN ('PLAN_MEASURE', 'JOINT_DECISION') AND "fromAgency" <> "toAgency")
);
