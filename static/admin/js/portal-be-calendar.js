/*
 * The admin's calendar and clock shortcuts for Thai staff (loaded by
 * templates/admin/base_site.html on Thai pages only, after Django's calendar.js and
 * DateTimeShortcuts.js and before they draw anything).
 *
 * Django's widget counts years in the Common Era: opened on 20/03/2567 it lays out the
 * year 2567 CE, "วันนี้" writes 02/12/2026 and the clock writes 09:00:00. Here the
 * calendar keeps working in CE inside (so weekdays are true), reads a typed year above
 * 2400 as Buddhist Era, shows BE years in its heading and writes dates with BE years
 * and times as Thai staff write them (09.00 น.), which portal.forms accepts.
 */
'use strict';
(function() {
    const BE_OFFSET = 543;
    const BE_THRESHOLD = 2400;
    if (!window.CalendarNamespace || !window.DateTimeShortcuts) {
        return;
    }

    function pad(n) {
        return (n < 10 ? '0' : '') + n;
    }

    function writeDate(d) {
        return pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + (d.getFullYear() + BE_OFFSET);
    }

    // A typed BE year is read as its CE year (before parsing, so 29/02/2567 is 29/02/2024),
    // and the calendar opens on the true month.
    const strptime = String.prototype.strptime;
    String.prototype.strptime = function(format) {
        const text = String(this).replace(/(^|\D)(\d{4})(?=\D|$)/g, function(match, before, year) {
            year = parseInt(year, 10);
            return before + (year > BE_THRESHOLD ? year - BE_OFFSET : year);
        });
        return strptime.call(text, format);
    };

    // The heading "มีนาคม 2024" becomes "มีนาคม 2567"; the days stay those of 2024.
    const draw = CalendarNamespace.draw;
    CalendarNamespace.draw = function(month, year, div_id, callback, selected) {
        draw.call(this, month, year, div_id, callback, selected);
        const caption = document.querySelector('#' + div_id + ' caption');
        if (caption) {
            caption.textContent = CalendarNamespace.monthsOfYear[parseInt(month) - 1] + ' ' +
                (parseInt(year) + BE_OFFSET);
        }
    };

    DateTimeShortcuts.handleCalendarCallback = function(num) {
        return function(y, m, d) {
            DateTimeShortcuts.calendarInputs[num].value = writeDate(new Date(y, m - 1, d));
            DateTimeShortcuts.calendarInputs[num].focus();
            document.getElementById(DateTimeShortcuts.calendarDivName1 + num).style.display = 'none';
        };
    };

    DateTimeShortcuts.handleCalendarQuickLink = function(num, offset) {
        const d = DateTimeShortcuts.now();
        d.setDate(d.getDate() + offset);
        DateTimeShortcuts.calendarInputs[num].value = writeDate(d);
        DateTimeShortcuts.calendarInputs[num].focus();
        DateTimeShortcuts.dismissCalendar(num);
    };

    DateTimeShortcuts.handleClockQuicklink = function(num, val) {
        let hours, minutes;
        if (val === -1) {
            const now = DateTimeShortcuts.now();
            hours = now.getHours();
            minutes = now.getMinutes();
        } else {
            hours = val;
            minutes = 0;
        }
        DateTimeShortcuts.clockInputs[num].value = pad(hours) + '.' + pad(minutes) + ' น.';
        DateTimeShortcuts.clockInputs[num].focus();
        DateTimeShortcuts.dismissClock(num);
    };
})();
