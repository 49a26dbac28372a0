"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionState, FieldErrors } from "@/lib/domain/result";

/* How long typing must pause before a draft saves itself. */
export const AUTOSAVE_DELAY_MS = 2_000;

export type SaveState = "saved" | "dirty" | "saving" | "conflict" | "error";

/*
 * A draft that saves itself a moment after each change, against the version
 * it was loaded at. A save that lost a race keeps the text here and offers
 * the saved version (keep mine / use theirs); leaving with unsaved text warns.
 * Used by the self-assessment, the manager's review, a promotion packet's
 * two parts and the framework editor's cells. A save may hand back more than its time (`onSaved` receives it).
 */
export function useAutosave<T, Saved, D extends { savedAt: string } = { savedAt: string }>(options: {
  initial: T;
  version: number;
  savedAt: string | null;
  send: (value: T, version: number) => Promise<ActionState<D>>;
  /* The saved version's content, as the action's conflict carries it. */
  fromSaved: (current: Saved) => T;
  onSaved?: (data: D) => void;
}) {
  const { send, fromSaved, onSaved } = options;
  const [value, setValue] = useState<T>(options.initial);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [savedAt, setSavedAt] = useState(options.savedAt);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<{ version: number; current: Saved } | null>(null);
  const version = useRef(options.version);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);

  /* An answer that lost a race (from a save, submit or share) opens the keep-mine / use-theirs choice. */
  const takeConflict = useCallback((state: ActionState<unknown>): boolean => {
    if (state.code !== "conflict" || !state.conflict) return false;
    setConflict({ version: state.conflict.version, current: state.conflict.current as Saved });
    setSaveState("conflict");
    return true;
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    dirty.current = false;
    setSaveState("saving");
    const run = (async () => {
      const state = await send(latest.current, version.current);
      if (state.ok) {
        version.current = state.version ?? version.current;
        setSavedAt(state.data?.savedAt ?? null);
        if (state.data) onSaved?.(state.data);
        setMessage(null);
        setFieldErrors({});
        setSaveState(dirty.current ? "dirty" : "saved");
        return true;
      }
      dirty.current = true;
      if (!takeConflict(state)) {
        setMessage(state.message ?? "Your draft could not be saved.");
        setFieldErrors(state.fieldErrors ?? {});
        setSaveState("error");
      }
      return false;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [send, takeConflict, onSaved]);

  const change = (next: T) => {
    latest.current = next;
    setValue(next);
    dirty.current = true;
    if (saveState === "conflict") return;
    setSaveState("dirty");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  };

  /* Saves now (before submitting or sharing); true when everything typed is saved. */
  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    return save();
  };

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const keepMine = async () => {
    if (!conflict) return;
    version.current = conflict.version;
    setConflict(null);
    dirty.current = true;
    await save();
  };
  const useTheirs = () => {
    if (!conflict) return;
    const theirs = fromSaved(conflict.current);
    latest.current = theirs;
    setValue(theirs);
    version.current = conflict.version;
    dirty.current = false;
    setConflict(null);
    setSaveState("saved");
  };

  const status =
    saveState === "saving" ? "Saving…" : saveState === "dirty" ? "Unsaved changes" : saveState === "conflict" ? "Not saved: see below" : saveState === "error" ? "Not saved" : savedAt ? `Saved ${savedAt}` : "No changes yet";

  return { value, latest, change, flush, saveState, status, message, setMessage, fieldErrors, conflict, keepMine, useTheirs, takeConflict, version: () => version.current };
}
