"""When a group began and when it ended, read from the sentences of one profile.

A date counts only when a verb of founding ("formed", "set up") or of ending ("disbanded",
"merged into") ties it to the group itself, not to a founder, a forerunner, a war or a
decree. Precision comes before recall: where the text gives two readings of an end (two
different years, a ban alone, or an end and a later sign of life), no end is asserted and
both readings become a doubt for a curator to settle.

- `cues`: the words that found or end a group, and the signs that it went on;
- `anchoring`: the dates one sentence ties to such a word, and whose founding or end it is;
- `choosing`: the founding and the end of the whole profile, or the doubt between readings
  (`choose_dates`).
"""
