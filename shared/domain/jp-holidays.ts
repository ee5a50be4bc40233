import holidayData from '@holiday-jp/holiday_jp/lib/holidays';

// Japan's public holidays (国民の祝日, substitute and citizens' holidays included), 1970-2050, from
// the holiday_jp data set. Only its date map is used: the library's own helpers read dates in the
// machine's local time zone, and Bantam always decides in JST.
const HOLIDAYS: Readonly<Record<string, unknown>> = holidayData;

// `day` is a JST calendar day written YYYY-MM-DD.
export const isJapaneseHoliday = (day: string): boolean => Object.hasOwn(HOLIDAYS, day);
