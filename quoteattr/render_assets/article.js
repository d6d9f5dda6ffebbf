(function(){
  "use strict";
  var pop = document.getElementById("qa-popup"), pinned = null;
  function show(mark, pin){
    var ids = (mark.getAttribute("data-records") || "").split(" ");
    while (pop.firstChild) pop.removeChild(pop.firstChild);
    var h = document.createElement("h4");
    h.textContent = (mark.getAttribute("title") || "").split("\n")[0];
    pop.appendChild(h);
    ids.forEach(function(id){
      var dl = document.querySelector("#qa-r" + id + " dl");
      if (dl) pop.appendChild(dl.cloneNode(true));
    });
    var r = mark.getBoundingClientRect();
    pop.hidden = false;
    pop.style.left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - pop.offsetWidth - 8))
      + window.scrollX + "px";
    pop.style.top = r.bottom + window.scrollY + 6 + "px";
    pop.setAttribute("data-records", ids.join(" "));
    pinned = pin ? mark : pinned;
  }
  function hide(){ pop.hidden = true; pinned = null; }
  function markOf(e){ return e.target.closest ? e.target.closest("mark.qa") : null; }
  document.addEventListener("mouseover", function(e){ var m = markOf(e); if (m && !pinned) show(m, false); });
  document.addEventListener("mouseout", function(e){
    var m = markOf(e); if (m && !pinned && !(e.relatedTarget && m.contains(e.relatedTarget))) pop.hidden = true;
  });
  document.addEventListener("click", function(e){
    var m = markOf(e);
    if (m) { show(m, true); e.stopPropagation(); }
    else if (!pop.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function(e){
    var m = markOf(e);
    if (m && (e.key === "Enter" || e.key === " ")) { show(m, true); e.preventDefault(); }
    else if (e.key === "Escape") hide();
  });
  function fromHash(){
    var id = decodeURIComponent(location.hash.slice(1));
    var m = id ? document.getElementById(id) : null;
    if (m && m.matches("mark.qa")) { show(m, true); m.classList.add("qa-flash");
      setTimeout(function(){ m.classList.remove("qa-flash"); }, 1500); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.documentElement.setAttribute("data-qa-ready", "1");
})();
