package org.overlaysim.cli.plot;

import java.util.List;

/**
 * A part of index.html: a heading, what its charts show, the charts, and why there are none (or
 * fewer than the reports would give) when so.
 */
record Section(String heading, String about, List<Chart> charts, List<String> notes) {}
