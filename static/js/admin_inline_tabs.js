/* New inline rows open on the Thai tab, the first language.
 *
 * django-modeltranslation opens the language tabs of a row added with "Add another"
 * in whichever language tab was clicked last (its main switch follows every click), so
 * Thai text typed into a new row could land in its English fields unseen. Django fires
 * `formset:added` on the new row before modeltranslation builds that row's tabs in its
 * own click handler, so the first tab is chosen once that handler has run.
 */
(function () {
  "use strict";
  document.addEventListener("formset:added", function (event) {
    var row = event.target;
    window.setTimeout(function () {
      var $ = window.jQuery || (window.django && window.django.jQuery);
      if (!$ || !$.fn || !$.fn.tabs) {
        return;
      }
      $(row).find(".ui-tabs").each(function () {
        $(this).tabs("option", "active", 0);
      });
    }, 0);
  });
})();
