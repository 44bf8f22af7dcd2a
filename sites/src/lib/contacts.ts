import type { ContactPoint, Weekday } from '@sito/shared';

const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The weekday in Rome for a date. */
export function romeWeekday(now: Date = new Date()): Weekday {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'Europe/Rome' }).format(now).toLowerCase();
  return (WEEKDAYS.find((day) => day === name) ?? 'monday') as Weekday;
}

/** A contact point's intervals for one weekday, in order: "09:30–12:30, 14:30–17:30". */
export function hoursOn(point: ContactPoint, day: Weekday): string[] {
  return point.openingHours
    .filter((interval) => interval.day === day)
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((interval) => `${interval.opens}–${interval.closes}`);
}

/** Link to the place on OpenStreetMap: a plain link, no third-party script on our pages. */
export function mapLink(point: {
  latitude: number | null;
  longitude: number | null;
  address: string;
  municipality: string;
}): string {
  if (point.latitude !== null && point.longitude !== null) {
    return `https://www.openstreetmap.org/?mlat=${point.latitude}&mlon=${point.longitude}#map=18/${point.latitude}/${point.longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${point.address}, ${point.municipality}`)}`;
}

export const ORDERED_WEEKDAYS: Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
