import { IANAZone } from 'luxon';
import { z } from './zod';

/** An IANA time zone this runtime knows, e.g. "Europe/Berlin". */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Time zone is required')
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), 'Unknown time zone (use an IANA name such as Europe/Berlin)');

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function validLocal(value: string): boolean {
  const m = LOCAL_RE.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/**
 * Years a schedule may name. Weekly repeats and time zone shifts near year 9999 leave the range
 * dates can be written in (an unhandled 500 in the review); no station plans that far anyway.
 */
export const SCHEDULE_YEARS = { min: 2000, max: 2999 } as const;
const YEARS_MESSAGE = `Use a year from ${SCHEDULE_YEARS.min} to ${SCHEDULE_YEARS.max}`;
const inYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= SCHEDULE_YEARS.min && year <= SCHEDULE_YEARS.max;
};

/** Local wall-clock time "YYYY-MM-DDTHH:mm[:ss]", normalised to include seconds. */
export const localDateTimeSchema = z
  .string()
  .trim()
  .refine(validLocal, 'Use a local date and time like 2026-11-22T22:00')
  .refine(inYears, YEARS_MESSAGE)
  .transform((v) => (v.length === 16 ? `${v}:00` : v));

/** Local date "YYYY-MM-DD". */
export const localDateSchema = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && validLocal(`${v}T00:00`), 'Use a date like 2026-12-31')
  .refine(inYears, YEARS_MESSAGE);

export const MAX_SLOT_SECONDS = 24 * 3600;
export const MAX_REPEAT_WEEKS = 4;

const durationSchema = z
  .number({ error: 'Duration must be a number of seconds' })
  .int('Duration must be whole seconds')
  .min(1, 'Duration must be at least 1 second')
  .max(MAX_SLOT_SECONDS, 'A slot lasts at most 24 hours');

const userIdSchema = z.string().min(1).max(64);

export const repeatSchema = z.strictObject({
  everyWeeks: z.number().int().min(1, 'Repeat every 1 to 4 weeks').max(MAX_REPEAT_WEEKS, 'Repeat every 1 to 4 weeks'),
  /** Last local date an occurrence may start on; omitted or null means no end. */
  until: localDateSchema.nullish(),
});

export const slotInputSchema = z.strictObject({
  title: z.string().trim().max(80, 'Title must be at most 80 characters').default(''),
  /** Local start in the channel's time zone. */
  start: localDateTimeSchema,
  durationSeconds: durationSchema,
  hostIds: z
    .array(userIdSchema)
    .min(1, 'A slot needs at least one host')
    .max(10, 'A slot has at most 10 hosts')
    .refine((ids) => new Set(ids).size === ids.length, 'Each host only once'),
  repeat: repeatSchema.nullish(),
});
export type SlotInput = z.infer<typeof slotInputSchema>;

/** Edits name only what changes (no defaults, so a partial update wipes nothing). */
export const slotUpdateSchema = z
  .strictObject({
    title: z.string().trim().max(80, 'Title must be at most 80 characters'),
    start: localDateTimeSchema,
    durationSeconds: durationSchema,
    hostIds: slotInputSchema.shape.hostIds,
    repeat: repeatSchema.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to update');
export type SlotUpdate = z.infer<typeof slotUpdateSchema>;

/** Cancel or move one occurrence of a slot, named by its original local start. */
export const occurrenceChangeSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('cancel'), occurrence: localDateTimeSchema }),
  z.strictObject({
    action: z.literal('move'),
    occurrence: localDateTimeSchema,
    start: localDateTimeSchema,
    durationSeconds: durationSchema.optional(),
  }),
  z.strictObject({ action: z.literal('restore'), occurrence: localDateTimeSchema }),
]);
export type OccurrenceChange = z.infer<typeof occurrenceChangeSchema>;

export const MAX_SCHEDULE_RANGE_DAYS = 62;

/** `?from&to` as ISO instants; the range is bounded so one request stays cheap. */
export const scheduleRangeSchema = z
  .strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .transform((v) => ({ from: new Date(v.from), to: new Date(v.to) }))
  .refine((v) => v.to > v.from, 'to must be after from')
  .refine(
    (v) => v.to.getTime() - v.from.getTime() <= MAX_SCHEDULE_RANGE_DAYS * 86_400_000,
    `The range may span at most ${MAX_SCHEDULE_RANGE_DAYS} days`,
  );

export type SlotHostInfo = { id: string; name: string };

/** One concrete occurrence of a slot. */
export type OccurrenceDto = {
  slotId: string;
  /** The occurrence's original local start: the key to cancel or move it. */
  occurrence: string;
  title: string;
  start: string;
  end: string;
  hosts: SlotHostInfo[];
  recurring: boolean;
  moved: boolean;
  /** Only on the admin calendar (never from the API): a cancelled occurrence, shown with Restore. */
  cancelled?: boolean;
};

/** One of a DJ's coming slots, with the channel it is on (the DJ home page). */
export type UpcomingSlot = { channel: { slug: string; name: string; timeZone: string }; occurrence: OccurrenceDto };

export type ScheduleResponse = {
  channel: { id: string; slug: string; name: string; timeZone: string };
  from: string;
  to: string;
  occurrences: OccurrenceDto[];
  now: OccurrenceDto | null;
  next: OccurrenceDto | null;
};

/** A slot rule as admins edit it. */
export type SlotDto = {
  id: string;
  channelId: string;
  title: string;
  start: string;
  timeZone: string;
  durationSeconds: number;
  repeat: { everyWeeks: number; until: string | null } | null;
  hosts: SlotHostInfo[];
  exceptions: { occurrence: string; kind: 'cancel' | 'move'; start: string | null; durationSeconds: number | null }[];
};

/** Participant attributes the server sets on a DJ so the console can say why it can or cannot publish. */
export const ACCESS_ATTRIBUTE = 'radio.access';
export const UNTIL_ATTRIBUTE = 'radio.until';
export const DJ_ACCESS_STATES = ['on_air', 'green_room', 'override', 'slot_ended', 'kicked', 'not_audio', 'not_scheduled'] as const;
export type DjAccessState = (typeof DJ_ACCESS_STATES)[number];

export const channelDjsSchema = z.strictObject({
  userIds: z
    .array(z.string().min(1).max(64))
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'Each DJ only once'),
});
export type ChannelDjsInput = z.infer<typeof channelDjsSchema>;
/** GET/PUT /api/admin/channels/:id/djs. */
export type ChannelDjsResponse = { djs: SlotHostInfo[] };
/** GET /api/admin/channels/:id/slots. */
export type SlotListResponse = { slots: SlotDto[] };
