/* Maps are an enhancement: every page works without them (a list beside the map, typed coordinates). */
(function () {
  "use strict";
  if (!window.L) { return; }

  function baseLayer(map, element) {
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { attribution: element.getAttribute("data-attribution") || "", maxZoom: 19 }).addTo(map);
    }
  }

  // Leaflet's own labels are English: the page gives them in its language (data-zoom-in, data-zoom-out,
  // data-close) so that screen readers do not read English words with a French voice.
  function newMap(element) {
    var map = L.map(element, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({
      zoomInTitle: element.getAttribute("data-zoom-in") || "Zoom in",
      zoomOutTitle: element.getAttribute("data-zoom-out") || "Zoom out"
    }).addTo(map);
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

  var listMap = document.getElementById("carte");
  if (listMap) {
    var map = newMap(listMap);
    baseLayer(map, listMap);
    map.setView([47.0, 1.0], 13);
    fetch(listMap.getAttribute("data-points"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        // Rows follow data.fields: id, latitude, longitude, support_count, status, title.
        var layer = L.featureGroup();
        data.points.forEach(function (row) {
          L.circleMarker([row[1], row[2]], { radius: 7, weight: 2, color: "#1f5f8b", fillOpacity: 0.6 })
            .bindPopup('<a href="/propositions/' + row[0] + '/">' + escapeHtml(row[5]) + "</a><br>" + row[3] + " ♥")
            .addTo(layer);
        });
        layer.addTo(map);
        if (data.points.length) { map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [20, 20] }); }
      });
  }

  var picker = document.getElementById("choix-lieu");
  if (picker) {
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    picker.hidden = false;
    var help = document.getElementById("aide-lieu");
    if (help) { help.hidden = false; }
    var pmap = newMap(picker);
    baseLayer(pmap, picker);
    var marker = null;
    var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [47.0, 1.0];
    pmap.setView(start, 14);
    if (lat.value && lon.value) { marker = L.marker(start).addTo(pmap); }
    pmap.on("click", function (event) {
      lat.value = event.latlng.lat.toFixed(6);
      lon.value = event.latlng.lng.toFixed(6);
      if (marker) { marker.setLatLng(event.latlng); } else { marker = L.marker(event.latlng).addTo(pmap); }
    });
  }
})();
