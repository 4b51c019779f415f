/**
 * ISO 8601 times with a zone, checked field by field. `Date.parse` rolls an impossible date over
 * instead of refusing it (2031-02-30 becomes 2031-03-02, 24:00 the next day's 00:00), so a
 * playlist would start on a day nobody wrote.
 */

/** yyyy-MM-ddTHH:mm[:ss[.fff]] and a zone: Z, ±hh:mm or ±hhmm. */
export const ISO_TIME_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** The widest offsets in use: UTC-12:00 (Baker Island) to UTC+14:00 (Line Islands). */
const MAX_ZONE_OFFSET_MINUTES = 14 * 60;

const MONTHS = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is out of range in a time that has the ISO 8601 form, as the start of a message ("February
 * 2031 has 28 days, so day 30 does not exist"); undefined when every field is in range, or when
 * the text does not have the form at all (that is the caller's message).
 */
export function isoTimeFieldProblem(value: string): string | undefined {
  const match = ISO_TIME_WITH_ZONE.exec(value);
  if (!match) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, zone, , offsetHourText, offsetMinuteText] = match;
  const [year, month, day, hour, minute] = [yearText, monthText, dayText, hourText, minuteText].map(Number);
  if (month < 1 || month > 12) return `month ${monthText} does not exist (months run from 01 to 12)`;
  if (day < 1) return `day ${dayText} does not exist (days run from 01)`;
  const days = daysInMonth(year, month);
  if (day > days) return `${MONTHS[month - 1]} ${yearText} has ${days} days, so day ${dayText} does not exist`;
  if (hour > 23) return `hour ${hourText} does not exist (hours run from 00 to 23; midnight is 00:00 of the next day)`;
  if (minute > 59) return `minute ${minuteText} does not exist (minutes run from 00 to 59)`;
  if (secondText !== undefined && Number(secondText) > 59) return `second ${secondText} does not exist (seconds run from 00 to 59)`;
  if (zone !== "Z") {
    const offset = zone;
    if (Number(offsetMinuteText) > 59) return `zone offset ${offset} has minute ${offsetMinuteText}, which does not exist`;
    if (Number(offsetHourText) * 60 + Number(offsetMinuteText) > MAX_ZONE_OFFSET_MINUTES) {
      return `zone offset ${offset} is beyond ±14:00, the widest offset of any zone`;
    }
  }
  return undefined;
}
