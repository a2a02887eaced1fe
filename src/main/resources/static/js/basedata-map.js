// Draws the boundaries and points of interest the page carries as GeoJSON with Leaflet. There is no tile layer:
// the boundaries themselves are the map, so it works without any outside tile server. The tables beside the map
// hold the same data.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }
  var boundaries = JSON.parse(document.getElementById('boundary-data').textContent);
  var places = JSON.parse(document.getElementById('place-data').textContent);
  var labels = JSON.parse(document.getElementById('map-labels').textContent);
  var colors = { SERVICE_HALL: '#0b4ea2', SCHOOL: '#1b6b35', HOSPITAL: '#a4161a', ADDRESS: '#5b2a86', OTHER: '#555' };
  var map = L.map(el, { zoomSnap: 0.25 });
  var areas = L.geoJSON(boundaries, {
    style: function (f) {
      var top = f === boundaries.features[0] && boundaries.features.length > 1;
      return top ? { color: '#1f2d3d', weight: 3, fill: false } : { color: '#0b4ea2', weight: 1.5, fillColor: '#cfe0f5', fillOpacity: 0.5 };
    },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(f.properties.name + ' ' + f.properties.code, { sticky: true });
    }
  }).addTo(map);
  L.geoJSON(places, {
    pointToLayer: function (f, latlng) {
      return L.circleMarker(latlng, { radius: 7, color: '#fff', weight: 2, fillColor: colors[f.properties.kind] || '#555', fillOpacity: 1 });
    },
    onEachFeature: function (f, layer) {
      var p = f.properties;
      layer.bindPopup('<strong></strong><br><span></span><br><span></span>');
      layer.on('popupopen', function (e) {
        // Text, never HTML, from the data.
        var node = e.popup.getElement();
        var parts = node.querySelectorAll('strong, span');
        parts[0].textContent = p.name;
        parts[1].textContent = labels[p.kind] || p.kind;
        parts[2].textContent = p.address || '';
      });
    }
  }).addTo(map);
  map.fitBounds(areas.getBounds(), { padding: [10, 10] });
  el.setAttribute('data-drawn', String(boundaries.features.length + places.features.length));
});
