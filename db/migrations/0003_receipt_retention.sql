CREATE TABLE `stipend_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`rejected_receipt_retention_days` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stipend_settings_single_row" CHECK("stipend_settings"."id" = 1),
	CONSTRAINT "stipend_settings_retention" CHECK("stipend_settings"."rejected_receipt_retention_days" between 0 and 3650)
);
--> statement-breakpoint
ALTER TABLE `receipts` ADD `removed_at` integer;--> statement-breakpoint
CREATE INDEX `receipts_uploader_time` ON `receipts` (`uploaded_by_id`,`created_at`);