CREATE INDEX `committee_votes_member` ON `committee_votes` (`member_id`);--> statement-breakpoint
CREATE INDEX `people_without_password` ON `people` (`name`) WHERE "people"."password_hash" is null;--> statement-breakpoint
CREATE INDEX `stipend_claims_year` ON `stipend_claims` (`year`);