// Progressive enhancement only: every page works without this file.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
  initAll();
}

// Videos: the page links to the video site; here we offer to play it in the page instead.
// Nothing loads from the video site until the viewer presses the button.
for (const video of document.querySelectorAll('[data-module="academy-video"]')) {
  const player = video.querySelector(".academy-video__player");
  if (!player) continue;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary";
  button.textContent = "Play the video here";
  button.addEventListener("click", () => {
    const frame = document.createElement("div");
    frame.className = "academy-video__frame";
    const iframe = document.createElement("iframe");
    iframe.src = video.dataset.embedUrl;
    iframe.title = `Video: ${video.dataset.title}`;
    iframe.allow = "fullscreen; picture-in-picture";
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    frame.appendChild(iframe);
    player.replaceWith(frame);
    iframe.focus();
  });
  player.appendChild(button);
}
