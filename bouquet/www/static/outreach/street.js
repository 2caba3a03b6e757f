/* The street page keeps what was typed when the network drops.
   Each entry goes into the browser's storage with its key (the hidden "cle" field) before it is sent; it leaves
   the storage only once the server answered (recorded, or refused with a reason shown on the page). The server
   records one contribution per key, so an entry sent again after a lost answer is never doubled.
   Without this script the page is a plain form. */
(function () {
  "use strict";
  var form = document.getElementById("saisie-rue");
  if (!form || !window.fetch || !window.localStorage) { return; }
  var QUEUE = "bouquet.rue.attente";
  var REFUSED = "bouquet.rue.refus";
  var status = document.getElementById("etat-envoi");
  var refusedList = document.getElementById("refus-envoi");
  var sending = false;

  function read(name) {
    try { return JSON.parse(localStorage.getItem(name) || "[]"); } catch (e) { return []; }
  }
  function write(name, items) { localStorage.setItem(name, JSON.stringify(items)); }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function show() {
    var waiting = read(QUEUE).length;
    if (waiting === 0) { status.textContent = ""; }
    else if (waiting === 1) { status.textContent = form.dataset.waitingOne; }
    else { status.textContent = form.dataset.waitingMany.replace("%(count)s", waiting); }
    refusedList.textContent = "";
    read(REFUSED).forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = form.dataset.refused + " (" + (item.fields.name || "") + ", « " +
        (item.fields.title || item.fields.body || "").slice(0, 60) + " ») : " + item.reason + " ";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = form.dataset.remove;
      button.addEventListener("click", function () {
        write(REFUSED, read(REFUSED).filter(function (other) { return other.key !== item.key; }));
        show();
      });
      li.appendChild(button);
      refusedList.appendChild(li);
    });
  }

  function settle(key, reason, entry) {
    write(QUEUE, read(QUEUE).filter(function (other) { return other.key !== key; }));
    if (reason) {
      var refused = read(REFUSED);
      refused.push({ key: key, fields: entry.fields, reason: reason });
      write(REFUSED, refused);
    }
  }

  function flush() {
    if (sending) { return; }
    var queue = read(QUEUE);
    if (queue.length === 0) { show(); return; }
    sending = true;
    var entry = queue[0];
    var body = new URLSearchParams();
    Object.keys(entry.fields).forEach(function (name) { body.append(name, entry.fields[name]); });
    body.set("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": form.elements.csrfmiddlewaretoken.value }
    }).then(function (response) {
      if (response.status === 201) { settle(entry.key, null, entry); return true; }
      // Anything but a refusal in JSON (the server's trouble, a sign-in page after a lost session): try later.
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
      if (response.status < 400 || response.status >= 500 || !json) { return false; }
      return response.json().then(function (answer) {
        var reasons = Object.keys(answer.errors || {}).map(function (k) { return answer.errors[k]; });
        settle(entry.key, reasons.join(" ") || answer.detail || String(response.status), entry);
        return true;
      });
    }, function () { return false; })  // no network: the entry waits
      .then(function (goOn) {
        sending = false;
        show();
        if (goOn) { flush(); }
      }, function () { sending = false; show(); });
  }

  form.addEventListener("submit", function (event) {
    if (event.submitter && event.submitter.name === "proches") { return; }  // the plain search, as without script
    event.preventDefault();
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") { fields[name] = value; }
    });
    var queue = read(QUEUE);
    if (!queue.some(function (other) { return other.key === fields.cle; })) {
      queue.push({ key: fields.cle, fields: fields });
      write(QUEUE, queue);
    }
    // Ready for the next person: same process and workshop, a new key.
    ["name", "contact", "title", "body"].forEach(function (name) { form.elements[name].value = ""; });
    form.elements.consent.checked = false;
    form.elements.district.value = "";
    form.elements.cle.value = newKey();
    document.getElementById("proches").textContent = "";
    show();
    flush();
    form.elements.name.focus();
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, 4000);
  show();
  flush();
}());
