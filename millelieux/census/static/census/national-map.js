/* The national map of census entries: a Leaflet map of the entries, clustered by supercluster, over the regions
   drawn from the territory data (no tile unless MAP_TILE_URL is set). The filters of the page's form are
   applied here without reloading: counts, map and address change together; the list and the statistics are
   then fetched from the server (the same page with the same query). Without this script the page is complete:
   a form, a static map, charts and a paginated list. */
(() => {
  "use strict";

  const container = document.getElementById("national-map");
  if (!container || !window.L || !window.Supercluster) return;
  const root = container.closest(".national-map") || document.body;
  const form = document.querySelector("[data-national-map-filters]");
  const counter = document.getElementById("nm-count");
  const help = document.querySelector("[data-map-help]");
  const language = document.documentElement.lang || "fr";
  const numbers = new Intl.NumberFormat(language);
  const text = (name) => container.dataset[name] || "";
  const fill = (template, values) => template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
  const escapeHtml = (value) =>
    String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  let data = null;
  let index = null;
  let map = null;
  let clusters = null;
  let refreshing = null;

  function selected() {
    const values = {};
    if (!form) return values;
    for (const select of form.querySelectorAll("select[data-filter]")) values[select.name] = select.value;
    return values;
  }

  // The filters as [position in an entry, index of the chosen value] pairs: comparing small integers keeps
  // the loops over tens of thousands of entries cheap.
  function wanted(filters) {
    const out = [];
    data.filters.forEach((name, position) => {
      if (filters[name]) out.push([2 + position, data.choices[name].indexOf(filters[name])]);
    });
    return out;
  }

  // The position of the only filter an entry fails, -1 when it passes them all, -2 when it fails several.
  function failing(entry, checks) {
    let failed = -1;
    for (const [position, value] of checks) {
      if (entry[position] !== value) {
        if (failed !== -1) return -2;
        failed = position;
      }
    }
    return failed;
  }

  // Each filter's counts with the other filters applied, as the server computes them (the same loop as
  // maps.facet_counts).
  function updateCounts(filters) {
    const checks = wanted(filters);
    const counts = data.filters.map((name) => new Array(data.choices[name].length).fill(0));
    let results = 0;
    for (const entry of data.entries) {
      const failed = failing(entry, checks);
      if (failed === -2) continue;
      if (failed === -1) {
        results += 1;
        for (let n = 0; n < counts.length; n += 1) counts[n][entry[2 + n]] += 1;
      } else {
        counts[failed - 2][entry[failed]] += 1;
      }
    }
    if (form) {
      for (const select of form.querySelectorAll("select[data-filter]")) {
        for (const option of select.options) {
          if (!option.value) continue;
          const n = counts[data.filters.indexOf(select.name)][data.choices[select.name].indexOf(option.value)];
          option.textContent = `${option.dataset.label} (${numbers.format(n || 0)})`;
        }
      }
    }
    if (counter) {
      const template = results === 1 ? text("labelCountOne") : text("labelCountMany");
      counter.textContent = fill(template, {
        count: numbers.format(results),
        total: numbers.format(data.entries.length),
      });
    }
  }

  function buildIndex(filters) {
    const checks = wanted(filters);
    const points = [];
    const entries = data.entries;
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      if (entry[0] === null || entry[1] === null) continue;
      if (checks.length && failing(entry, checks) !== -1) continue;
      points.push({ type: "Feature", properties: { i }, geometry: { type: "Point", coordinates: [entry[1], entry[0]] } });
    }
    // Clusters from the map's smallest zoom (3) to 14, where a view is a few kilometres wide: each level
    // costs a pass over the points, and beyond 14 the points are drawn one by one.
    index = new window.Supercluster({ radius: 56, minZoom: 3, maxZoom: 14 });
    index.load(points);
  }

  function clusterIcon(count) {
    const size = count < 10 ? 30 : count < 100 ? 38 : count < 1000 ? 46 : 54;
    return L.divIcon({
      html: `<span>${numbers.format(count)}</span>`,
      className: "nm-cluster",
      iconSize: [size, size],
    });
  }

  function render() {
    if (!map || !index) return;
    const bounds = map.getBounds();
    const box = [
      Math.max(-180, bounds.getWest() - 1),
      Math.max(-85, bounds.getSouth() - 1),
      Math.min(180, bounds.getEast() + 1),
      Math.min(85, bounds.getNorth() + 1),
    ];
    const zoom = Math.round(map.getZoom());
    const layers = [];
    for (const feature of index.getClusters(box, zoom)) {
      const [longitude, latitude] = feature.geometry.coordinates;
      if (feature.properties.cluster) {
        const count = feature.properties.point_count;
        const marker = L.marker([latitude, longitude], {
          icon: clusterIcon(count),
          title: fill(text("labelCluster"), { count: numbers.format(count) }),
          keyboard: true,
        });
        const expand = () => {
          const target = Math.min(index.getClusterExpansionZoom(feature.properties.cluster_id), 17);
          map.setView([latitude, longitude], target);
        };
        marker.on("click", expand);
        // a cluster is a button (role set by Leaflet): Enter and Space open it too
        marker.on("keypress", (event) => {
          const key = event.originalEvent.key;
          if (key === "Enter" || key === " ") {
            event.originalEvent.preventDefault();
            expand();
          }
        });
        layers.push(marker);
      } else {
        const entry = data.entries[feature.properties.i];
        const point = L.circleMarker([latitude, longitude], { radius: 6, className: "nm-point" });
        point.bindTooltip(`${escapeHtml(entry[6])}${entry[7] ? ` — ${escapeHtml(entry[7])}` : ""}`);
        layers.push(point);
      }
    }
    clusters.clearLayers();
    for (const layer of layers) clusters.addLayer(layer);
    container.dataset.renders = String(Number(container.dataset.renders || 0) + 1);
  }

  function addMonographs() {
    const group = L.layerGroup();
    const source = document.getElementById("nm-monographs-data");
    const monographs = source ? JSON.parse(source.textContent) : [];
    for (const { latitude, longitude, title, url, commune } of monographs) {
      const marker = L.marker([latitude, longitude], {
        icon: L.divIcon({ className: "nm-monograph", iconSize: [18, 18] }),
        title: `${text("labelMonograph")} : ${title}`,
        keyboard: true,
        zIndexOffset: 1000,
      });
      marker.bindPopup(
        `<p class="nm-popup__kind">${escapeHtml(text("labelMonograph"))}</p>` +
          `<p><a href="${escapeHtml(url)}">${escapeHtml(title)}</a> (${escapeHtml(commune)})</p>`,
      );
      group.addLayer(marker);
    }
    group.addTo(map);
  }

  // A static export (millelieux export-static) cannot fetch from disk: its page loads each data file with a
  // <script> that keeps it here, by address. There, the list and statistics stay those of the whole census.
  const baked = (url) => window.millelieuxStatic && window.millelieuxStatic[new URL(url, document.baseURI).href];

  async function refreshResults(url) {
    if (window.millelieuxStatic) return;
    if (refreshing) refreshing.abort();
    refreshing = new AbortController();
    try {
      const response = await fetch(url, { signal: refreshing.signal, headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const selector of ["[data-results]", "[data-static-map]"]) {
        const fresh = page.querySelector(selector);
        const current = document.querySelector(selector);
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
      }
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }

  function apply() {
    const filters = selected();
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (!window.millelieuxStatic) window.history.replaceState(null, "", url);
    updateCounts(filters);
    buildIndex(filters);
    render();
    refreshResults(url);
  }

  async function start() {
    // the same requests as the page's <link rel="preload">: answered from what is already on its way
    const get = (url) =>
      baked(url) ? Promise.resolve(baked(url)) : fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url} : ${response.status}`);
        return response.json();
      });
    const [entries, basemap] = await Promise.all([get(container.dataset.dataUrl), get(container.dataset.basemapUrl)]);
    data = entries;
    container.hidden = false;
    if (help) help.hidden = false;
    root.classList.add("nm-js");
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", text("labelMap"));
    map = L.map(container, { zoomSnap: 1, minZoom: 3, maxZoom: 17, worldCopyJump: false });
    if (container.dataset.tileUrl) {
      L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.tileAttribution, maxZoom: 17 }).addTo(map);
    }
    const land = L.geoJSON(basemap, { style: { className: "nm-land-shape", weight: 1 }, interactive: false }).addTo(map);
    const mainland = L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
    map.fitBounds(land.getBounds().isValid() && basemap.features.length < 3 ? land.getBounds() : mainland);
    clusters = L.layerGroup().addTo(map);
    const filters = selected();
    buildIndex(filters);
    render();
    addMonographs();
    map.on("moveend", render);
    container.dataset.rendered = String(Math.round(performance.now()));
    container.dispatchEvent(new CustomEvent("national-map:rendered"));
    if (form) {
      form.addEventListener("change", apply);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        apply();
      });
    }
  }

  const run = () =>
    start().catch((error) => {
      // the page stays readable: static map, charts and list are there
      container.hidden = true;
      root.classList.remove("nm-js");
      console.warn("Carte interactive indisponible :", error);
    });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
