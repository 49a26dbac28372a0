ALTER TABLE `cells` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `framework_versions` ADD `based_on_id` integer REFERENCES framework_versions(id);--> statement-breakpoint
ALTER TABLE `framework_versions` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_one_draft` ON `framework_versions` (`status`) WHERE "framework_versions"."status" = 'draft';