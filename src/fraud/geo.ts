/**
 * Mean Earth radius in km (IUGG), used by `haversineKm`.
 * @example EARTH_RADIUS_KM // => 6371.0088
 */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two points by the haversine formula:
 * d = 2R asin(sqrt(sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2))), R = 6371.0088 km.
 * @param lat1 latitude of the first point, degrees
 * @param lon1 longitude of the first point, degrees
 * @param lat2 latitude of the second point, degrees
 * @param lon2 longitude of the second point, degrees
 * @returns the distance in km
 * @example haversineKm(39.9042, 116.4074, 31.2304, 121.4737) // => 1067.3 (Beijing to Shanghai)
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const a = s1 * s1 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
