/**
 * Saudi cities the platform knows, with their region and centre coordinates (WGS84).
 * Used to validate `city` fields, to group KPIs by region, and by matching to estimate
 * distances when a volunteer gives no precise location.
 */
import * as z from '../../zod.js';

export interface City {
  readonly id: string;
  readonly nameAr: string;
  readonly nameEn: string;
  /** Administrative region id (see `regions`). */
  readonly region: string;
  readonly lat: number;
  readonly lon: number;
}

export const regions = {
  riyadh: { nameAr: 'منطقة الرياض', nameEn: 'Riyadh Region' },
  makkah: { nameAr: 'منطقة مكة المكرمة', nameEn: 'Makkah Region' },
  madinah: { nameAr: 'منطقة المدينة المنورة', nameEn: 'Madinah Region' },
  eastern: { nameAr: 'المنطقة الشرقية', nameEn: 'Eastern Province' },
  qassim: { nameAr: 'منطقة القصيم', nameEn: 'Qassim Region' },
  asir: { nameAr: 'منطقة عسير', nameEn: 'Asir Region' },
  tabuk: { nameAr: 'منطقة تبوك', nameEn: 'Tabuk Region' },
  hail: { nameAr: 'منطقة حائل', nameEn: 'Hail Region' },
  'northern-borders': { nameAr: 'منطقة الحدود الشمالية', nameEn: 'Northern Borders Region' },
  jazan: { nameAr: 'منطقة جازان', nameEn: 'Jazan Region' },
  najran: { nameAr: 'منطقة نجران', nameEn: 'Najran Region' },
  baha: { nameAr: 'منطقة الباحة', nameEn: 'Al Baha Region' },
  jouf: { nameAr: 'منطقة الجوف', nameEn: 'Al Jouf Region' },
} as const;

export const cities: readonly City[] = [
  { id: 'riyadh', nameAr: 'الرياض', nameEn: 'Riyadh', region: 'riyadh', lat: 24.7136, lon: 46.6753 },
  { id: 'kharj', nameAr: 'الخرج', nameEn: 'Al Kharj', region: 'riyadh', lat: 24.1556, lon: 47.3346 },
  { id: 'jeddah', nameAr: 'جدة', nameEn: 'Jeddah', region: 'makkah', lat: 21.4858, lon: 39.1925 },
  { id: 'makkah', nameAr: 'مكة المكرمة', nameEn: 'Makkah', region: 'makkah', lat: 21.3891, lon: 39.8579 },
  { id: 'taif', nameAr: 'الطائف', nameEn: 'Taif', region: 'makkah', lat: 21.2703, lon: 40.4158 },
  { id: 'madinah', nameAr: 'المدينة المنورة', nameEn: 'Madinah', region: 'madinah', lat: 24.5247, lon: 39.5692 },
  { id: 'yanbu', nameAr: 'ينبع', nameEn: 'Yanbu', region: 'madinah', lat: 24.0895, lon: 38.0618 },
  { id: 'dammam', nameAr: 'الدمام', nameEn: 'Dammam', region: 'eastern', lat: 26.4207, lon: 50.0888 },
  { id: 'khobar', nameAr: 'الخبر', nameEn: 'Al Khobar', region: 'eastern', lat: 26.2172, lon: 50.1971 },
  { id: 'dhahran', nameAr: 'الظهران', nameEn: 'Dhahran', region: 'eastern', lat: 26.2361, lon: 50.0393 },
  { id: 'ahsa', nameAr: 'الأحساء', nameEn: 'Al Ahsa', region: 'eastern', lat: 25.3833, lon: 49.5865 },
  { id: 'jubail', nameAr: 'الجبيل', nameEn: 'Jubail', region: 'eastern', lat: 27.0046, lon: 49.646 },
  { id: 'hafr-al-batin', nameAr: 'حفر الباطن', nameEn: 'Hafr Al Batin', region: 'eastern', lat: 28.4328, lon: 45.9708 },
  { id: 'buraydah', nameAr: 'بريدة', nameEn: 'Buraydah', region: 'qassim', lat: 26.326, lon: 43.975 },
  { id: 'unaizah', nameAr: 'عنيزة', nameEn: 'Unaizah', region: 'qassim', lat: 26.0843, lon: 43.9935 },
  { id: 'abha', nameAr: 'أبها', nameEn: 'Abha', region: 'asir', lat: 18.2164, lon: 42.5053 },
  { id: 'khamis-mushait', nameAr: 'خميس مشيط', nameEn: 'Khamis Mushait', region: 'asir', lat: 18.3, lon: 42.7333 },
  { id: 'tabuk', nameAr: 'تبوك', nameEn: 'Tabuk', region: 'tabuk', lat: 28.3838, lon: 36.555 },
  { id: 'hail', nameAr: 'حائل', nameEn: 'Hail', region: 'hail', lat: 27.5114, lon: 41.7208 },
  { id: 'arar', nameAr: 'عرعر', nameEn: 'Arar', region: 'northern-borders', lat: 30.9753, lon: 41.0381 },
  { id: 'jazan', nameAr: 'جازان', nameEn: 'Jazan', region: 'jazan', lat: 16.8892, lon: 42.5511 },
  { id: 'najran', nameAr: 'نجران', nameEn: 'Najran', region: 'najran', lat: 17.4917, lon: 44.1322 },
  { id: 'baha', nameAr: 'الباحة', nameEn: 'Al Baha', region: 'baha', lat: 20.0129, lon: 41.4677 },
  { id: 'sakaka', nameAr: 'سكاكا', nameEn: 'Sakaka', region: 'jouf', lat: 29.9697, lon: 40.2064 },
];

export const cityIds = /* @__PURE__ */ cities.map((city) => city.id) as [string, ...string[]];
export const CityId = /* @__PURE__ */ z.described(/* @__PURE__ */ z.enum(cityIds), 'one of the documented Saudi city ids (shared/domain/reference/cities.ts)');
export type CityId = z.infer<typeof CityId>;

const byId = /* @__PURE__ */ new Map(/* @__PURE__ */ cities.map((city) => [city.id, city]));
export const cityById = (id: string): City | undefined => byId.get(id);

/** Great-circle distance in kilometres (haversine). */
export const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

/**
 * How far from a city's centre a point given with that city may be. The largest cities
 * (Riyadh, Jeddah) spread about 40–50 km from their centre; beyond this the point belongs to
 * another city (Al Kharj is 80 km from Riyadh's centre) or is a typo.
 */
export const MAX_KM_FROM_CITY_CENTRE = 60;

/** Why `location` cannot be in `city`, or undefined when it can (or the city is unknown). */
export const locationOutsideCity = (city: string, location: { lat: number; lon: number }): string | undefined => {
  const centre = cityById(city);
  if (!centre) return undefined;
  const km = distanceKm(centre, location);
  return km > MAX_KM_FROM_CITY_CENTRE
    ? `is ${Math.round(km)} km from the centre of ${centre.nameEn}; a location in that city is within ${MAX_KM_FROM_CITY_CENTRE} km (or change city)`
    : undefined;
};
