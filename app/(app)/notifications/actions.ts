"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, plainAction } from "@/lib/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/dal/notifications";

const notificationRef = z.object({ id: z.string().min(1).max(100) });

/* Opening a notification reads it, then goes to its record: one click. */
export const openNotificationAction = plainAction(notificationRef, ({ id }, { viewer }) => {
  const path = markNotificationRead(viewer, id);
  revalidatePath("/", "layout");
  redirect(path);
});

export const markNotificationReadAction = plainAction(notificationRef, ({ id }, { viewer }) => {
  markNotificationRead(viewer, id);
  revalidatePath("/", "layout");
  return { ok: true, value: undefined };
});

export const markAllNotificationsReadAction = formAction(z.object({}), (_input, { viewer }) => {
  const marked = markAllNotificationsRead(viewer);
  revalidatePath("/", "layout");
  return { ok: true, value: undefined, message: marked ? `Marked ${marked} notification${marked === 1 ? "" : "s"} read.` : "Nothing was unread." };
});
