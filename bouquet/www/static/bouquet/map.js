/* Maps are an enhancement: every page works without them (a list beside the map, a drawn plan, typed
   coordinates). Without a tile server the map draws the territory itself from the authority's own data
   (districts, river, streets, places: /carte/territoire.json); with one, the same layers go over the tiles. */
(function () {
  "use strict";
  if (!window.L) { return; }

  var STYLES = {
    district: { color: "#5b6670", weight: 1.5, dashArray: "5 4", fillColor: "#e9ecef", fillOpacity: 0.35 },
    focus: { color: "#1f5f8b", weight: 3, fillColor: "#fffdf5", fillOpacity: 0.25 },
    park: { color: "#7aa86a", weight: 1, fillColor: "#cfe5c4", fillOpacity: 0.9 },
    river: { color: "#7fb2d9", weight: 9, lineCap: "round", lineJoin: "round" },
    avenue: { color: "#9a8f80", weight: 5, lineCap: "round", lineJoin: "round" },
    street: { color: "#b5ab9c", weight: 2.5, lineCap: "round", lineJoin: "round" },
    square: { color: "#8c7f69", weight: 1, fillColor: "#e3dccd", fillOpacity: 1 },
    landmark: { color: "#5a4b3b", weight: 1, fillColor: "#5a4b3b", fillOpacity: 1, radius: 3 }
  };
  var ORDER = ["district", "focus", "park", "river", "avenue", "street", "square", "landmark"];

  function newMap(element) {
    var map = L.map(element, { scrollWheelZoom: false, zoomControl: false, zoomSnap: 0.5, minZoom: 11, maxZoom: 19 });
    L.control.zoom({
      zoomInTitle: element.getAttribute("data-zoom-in") || "Zoom in",
      zoomOutTitle: element.getAttribute("data-zoom-out") || "Zoom out"
    }).addTo(map);
    L.control.scale({ imperial: false, maxWidth: 120 }).addTo(map);
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { attribution: element.getAttribute("data-attribution") || "", maxZoom: 19 }).addTo(map);
    } else {
      element.classList.add("map-offline");
      map.attributionControl.setPrefix(false);
    }
    var close = element.getAttribute("data-close");
    if (close) {
      map.on("popupopen", function (event) {
        var button = event.popup.getElement().querySelector(".leaflet-popup-close-button");
        if (button) { button.setAttribute("aria-label", close); button.setAttribute("title", close); }
      });
    }
    return map;
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  // Even-odd rule on a GeoJSON ring of [lon, lat].
  function inRing(lon, lat, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < xi + (lat - yi) * (xj - xi) / (yj - yi)) { inside = !inside; }
    }
    return inside;
  }

  function inShape(lon, lat, geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.some(function (rings) {
      return inRing(lon, lat, rings[0]) && !rings.slice(1).some(function (hole) { return inRing(lon, lat, hole); });
    });
  }

  // Draws the territory's layers; calls back with the districts (GeoJSON features) once loaded.
  function territory(map, element, focusPoint, done) {
    var url = element.getAttribute("data-territory");
    if (!url) { if (done) { done([]); } return; }
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var districts = data.features.filter(function (f) { return f.properties.kind === "district"; });
        var focus = focusPoint ? districts.filter(function (f) {
          return inShape(focusPoint[1], focusPoint[0], f.geometry);
        })[0] : null;
        // Names of squares only once they have room (from zoom 15).
        var zoomed = function () { element.classList.toggle("map-far", map.getZoom() < 15); };
        map.on("zoomend", zoomed);
        zoomed();
        var pane = map.createPane("territoire");
        pane.style.zIndex = 350;  // above tiles, under markers
        var names = map.createPane("territoire-noms");
        names.style.zIndex = 450;  // names under the proposals' markers and groups, which stay readable
        names.style.pointerEvents = "none";
        ORDER.forEach(function (kind) {
          data.features.forEach(function (feature) {
            var own = feature === focus ? "focus" : feature.properties.kind;
            if (own !== kind) { return; }
            var layer = L.geoJSON(feature, {
              pane: "territoire",
              interactive: false,
              style: function () { return STYLES[own]; },
              pointToLayer: function (f, latlng) { return L.circleMarker(latlng, STYLES[own] || STYLES.landmark); }
            }).addTo(map);
            var name = feature.properties.name;
            if (name && (own === "district" || own === "focus" || own === "square")) {
              layer.bindTooltip(escapeHtml(name), {
                permanent: true, direction: "center", className: "map-label map-label-" + own, pane: "territoire-noms"
              });
            }
          });
        });
        if (done) { done(districts); }
      })
      .catch(function () { if (done) { done([]); } });
  }

  function areaBounds(element) {
    var parts = (element.getAttribute("data-area") || "").split(",").map(parseFloat);
    if (parts.length !== 4 || parts.some(isNaN)) { return null; }
    return L.latLngBounds([parts[0], parts[1]], [parts[2], parts[3]]);
  }

  // Points near each other on screen are grouped: a grid of cells in pixels at the current zoom, one marker per
  // crowded cell showing how many proposals it holds; its popup lists them and offers to zoom in on them.
  function clusteredLayer(map, rows, options) {
    var layer = L.layerGroup().addTo(map);
    function draw() {
      layer.clearLayers();
      var zoom = map.getZoom(), cells = {};
      rows.forEach(function (row) {
        var p = map.project([row[1], row[2]], zoom);
        var key = Math.floor(p.x / options.cell) + ":" + Math.floor(p.y / options.cell);
        (cells[key] = cells[key] || []).push(row);
      });
      Object.keys(cells).forEach(function (key) {
        var group = cells[key];
        if (group.length === 1 || zoom >= options.untilZoom) {
          group.forEach(function (row) {
            L.circleMarker([row[1], row[2]], { radius: 7, weight: 2, color: "#1f5f8b", fillOpacity: 0.6 })
              .bindPopup(options.item(row, "div")).addTo(layer);
          });
          return;
        }
        var bounds = L.latLngBounds(group.map(function (row) { return [row[1], row[2]]; }));
        var size = group.length < 10 ? 30 : group.length < 100 ? 36 : 42;
        var label = group.length + " " + options.clusterLabel;  // a group holds two points or more
        var box = document.createElement("div");
        var head = document.createElement("p");
        head.textContent = label;
        var list = document.createElement("ul");
        list.className = "map-cluster-list";
        group.forEach(function (row) { list.appendChild(options.item(row, "li")); });
        var closer = document.createElement("button");
        closer.type = "button";
        closer.className = "button";
        closer.textContent = options.zoomLabel;
        closer.addEventListener("click", function () { map.closePopup(); map.fitBounds(bounds.pad(0.3)); });
        box.appendChild(head);
        box.appendChild(list);
        box.appendChild(closer);
        L.marker(bounds.getCenter(), {
          title: label,
          alt: label,
          icon: L.divIcon({ className: "map-cluster", html: String(group.length), iconSize: [size, size] })
        }).bindPopup(box, { maxHeight: 260 }).addTo(layer);
      });
    }
    map.on("zoomend", draw);
    draw();
    return layer;
  }

  var listMap = document.getElementById("carte");
  if (listMap) {
    var map = newMap(listMap);
    var start = areaBounds(listMap);
    if (start) { map.fitBounds(start); } else { map.setView([46.6, 2.4], 6); }
    territory(map, listMap);
    fetch(listMap.getAttribute("data-points"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        // Rows follow data.fields: id, latitude, longitude, support_count, status, title.
        clusteredLayer(map, data.points, {
          cell: 56,
          untilZoom: 18,
          clusterLabel: listMap.getAttribute("data-cluster") || "",
          zoomLabel: listMap.getAttribute("data-zoom-here") || "+",
          // One proposal: a link to its page and its supports (built as elements: titles are never HTML).
          item: function (row, tag) {
            var element = document.createElement(tag);
            var link = document.createElement("a");
            link.href = "/propositions/" + row[0] + "/";
            link.textContent = row[5];
            element.appendChild(link);
            element.appendChild(document.createTextNode(" · " + row[3] + " ♥"));
            return element;
          }
        });
        if (data.points.length && !start) {
          map.fitBounds(L.latLngBounds(data.points.map(function (r) { return [r[1], r[2]]; })), { maxZoom: 16 });
        }
      });
  }

  var placeMap = document.getElementById("carte-lieu");
  if (placeMap) {
    var here = [parseFloat(placeMap.getAttribute("data-lat")), parseFloat(placeMap.getAttribute("data-lon"))];
    if (!isNaN(here[0]) && !isNaN(here[1])) {
      placeMap.hidden = false;
      // The interactive map takes the drawn plan's place; the address in words stays below it.
      placeMap.parentNode.classList.add("map-figure-live");
      var small = newMap(placeMap);
      small.setView(here, 15);
      territory(small, placeMap, here);
      var said = placeMap.getAttribute("data-label") || "";
      L.marker(here, { title: said, alt: said, keyboard: false }).addTo(small);
    }
  }

  var picker = document.getElementById("choix-lieu");
  if (picker) {
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    var address = document.getElementById("id_address");
    var message = document.getElementById("message-lieu");
    picker.hidden = false;
    var help = document.getElementById("aide-lieu");
    if (help) { help.hidden = false; }
    var pmap = newMap(picker);
    var marker = null;
    var districts = null;  // null until loaded: the server checks anyway
    var placed = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : null;
    var area = areaBounds(picker);
    if (placed) { pmap.setView(placed, 16); } else if (area) { pmap.fitBounds(area); } else { pmap.setView([46.6, 2.4], 6); }
    if (placed) { marker = L.marker(placed).addTo(pmap); }
    // The process's district (the middle of the area it opens on) is outlined.
    var middle = area ? [area.getCenter().lat, area.getCenter().lng] : null;
    territory(pmap, picker, middle, function (loaded) { districts = loaded; });

    var place = function (latlng, label) {
      var outside = districts && districts.length && !districts.some(function (f) {
        return inShape(latlng.lng, latlng.lat, f.geometry);
      });
      if (outside) {
        message.textContent = picker.getAttribute("data-outside");
        message.hidden = false;
        return;
      }
      message.hidden = true;
      message.textContent = "";
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (label && address && !address.value) { address.value = label; }
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(pmap); }
    };
    pmap.on("click", function (event) { place(event.latlng); });

    // Address search, from the authority's geocoder or its own list of districts, streets and places.
    var search = document.getElementById("recherche-lieu");
    var query = document.getElementById("recherche-lieu-q");
    var results = document.getElementById("recherche-lieu-resultats");
    var link = document.getElementById("lien-recherche-lieu");
    if (search && query && results) {
      search.hidden = false;
      if (link) { link.parentNode.hidden = true; }
      var run = function () {
        if (query.value.trim().length < 2) { return; }
        fetch(search.getAttribute("data-url") + "?format=json&q=" + encodeURIComponent(query.value.trim()),
          { headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (data) {
            results.innerHTML = "";
            if (!data.results || !data.results.length) {
              var none = document.createElement("li");
              none.textContent = search.getAttribute("data-none");
              results.appendChild(none);
              return;
            }
            data.results.forEach(function (found) {
              var item = document.createElement("li");
              var button = document.createElement("button");
              button.type = "button";
              button.className = "button";
              button.textContent = search.getAttribute("data-place-here") + " : " + found.label +
                (found.context ? " (" + found.context + ")" : "");
              button.addEventListener("click", function () {
                var latlng = L.latLng(found.latitude, found.longitude);
                pmap.setView(latlng, 17);
                place(latlng, found.label);
              });
              item.appendChild(button);
              results.appendChild(item);
            });
          });
      };
      document.getElementById("recherche-lieu-bouton").addEventListener("click", run);
      query.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); run(); }
      });
    }
  }
})();
