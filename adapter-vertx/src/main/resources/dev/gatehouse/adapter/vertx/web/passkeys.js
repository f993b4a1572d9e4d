// Gatehouse's passkey script: the browser's half of WebAuthn, which has no HTML form of its own.
// It asks the server for options, hands them to the browser's passkey dialog, and posts the answer
// back; the server checks everything. Loaded only on the pages that offer passkeys; the same pages
// keep working with a password and a code without it.
"use strict";
(function () {
  function show(form, message) {
    var error = form.querySelector(".passkey-error");
    error.textContent = message;
    error.hidden = false;
  }

  function post(path, body, csrf) {
    var headers = {"Content-Type": "application/json"};
    if (csrf) {
      headers["X-CSRF-Token"] = csrf;
    }
    return fetch(path, {method: "POST", headers: headers, credentials: "same-origin", body: JSON.stringify(body)})
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) {
            throw new Error(json.detail || "The passkey could not be used.");
          }
          return json;
        });
      });
  }

  function supported(form) {
    if (window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON) {
      return true;
    }
    show(form, "This browser cannot use passkeys here.");
    return false;
  }

  // Adding a passkey on the account page.
  document.querySelectorAll("form[data-passkey-register]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!supported(form)) {
        return;
      }
      var csrf = form.querySelector("input[name=csrf]").value;
      var name = form.querySelector("input[name=name]").value;
      post(form.getAttribute("data-passkey-register"), {}, csrf).then(function (started) {
        return navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(started.options)})
          .then(function (credential) {
            return post(form.getAttribute("action"), {state: started.state, name: name, credential: credential.toJSON()}, csrf);
          });
      }).then(function (done) {
        window.location.assign(done.location);
      }).catch(function (failure) {
        show(form, failure.name === "NotAllowedError" ? "The passkey was not made: it was cancelled, or took too long." : failure.message);
      });
    });
  });

  // Signing in with a passkey: the login page (no password), or the second step after the password.
  document.querySelectorAll("form[data-passkey-login]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!supported(form)) {
        return;
      }
      var next = form.querySelector("input[name=next]");
      post(form.getAttribute("data-passkey-login"), {}).then(function (started) {
        return navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(started.options)})
          .then(function (credential) {
            return post(form.getAttribute("action"), {state: started.state, credential: credential.toJSON(), next: next ? next.value : null});
          });
      }).then(function (done) {
        window.location.assign(done.location);
      }).catch(function (failure) {
        show(form, failure.name === "NotAllowedError" ? "No passkey was used: it was cancelled, or took too long." : failure.message);
      });
    });
  });
})();
