// Jobs on a map: a pin per job with a place, each a link to its job (the
// list beside it says the same for anyone who cannot use the map).
import {h} from "../dom.js";
import {t} from "../i18n.js";
import {mapPanel} from "../map.js";

/** jobs: [{id, lat, lon, title}]; `here` the phone's position, when known. */
export function jobsMap(jobs, here, label = t("crew.map.label")) {
  const placed = jobs.filter(j => j.lat !== undefined && j.lat !== null);
  const centre = here || placed[0] || null;
  return mapPanel({centre, showReports: false, label, zoom: placed.length > 1 ? 14 : 16, noTiles: "crew.map.no_tiles",
                   onReady: (map, L) => {
    const bounds = [];
    for (const job of placed) {
      const target = h("a", {href: `/crew/jobs/${encodeURIComponent(job.id)}`}, job.title);
      L.circleMarker([job.lat, job.lon], {radius: 9, color: "#1d4f91", weight: 3, fillColor: "#ffdd00",
        fillOpacity: 0.95}).bindPopup(target).addTo(map);
      bounds.push([job.lat, job.lon]);
    }
    if (here) {
      L.circleMarker([here.lat, here.lon], {radius: 6, color: "#0b0c0c", fillColor: "#0b0c0c", fillOpacity: 1,
        interactive: false}).addTo(map);
      bounds.push([here.lat, here.lon]);
    }
    if (bounds.length > 1) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 17});
  }});
}
