#!/usr/bin/env python3
"""Writes the survey CSV fixtures byte for byte (byte order marks, CRLF, encodings other than
UTF-8 are invisible in an editor). Run from this directory: python3 make_fixtures.py"""

BOM = b"\xef\xbb\xbf"


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


HEADER = ['ID', 'Completion time', 'Name', 'Role', '1. Which statement fits best?',
          '2. How far do your quality checks go?', '3. Which of these do you have?',
          '4. Staff have the data skills their work needs.', '5. How many staff had data training last year?']

# Excel "CSV UTF-8" on a computer set to a European locale: a byte order mark, ";" between
# fields, CRLF; fields holding ";" are quoted, and commas need no quotes.
semi = [
    ';'.join(HEADER),
    '1;14/03/2026 10:22;Anna, Example;Analyst;Key fields are checked monthly.;"Yes;No;";'
    '"A data dictionary;Routine quality checks;";Agree;12',
    '2;15/03/2026 09:00;"Ben; ""BJ"" Example";Senior leader;level-3;"Yes;Yes";Named data owners;Disagree;4.5',
    '3;16/03/2026 11:30;Chris Example;Analyst;level-1;No;;Agree;1,5',
]
write("semicolon.csv", BOM + "\r\n".join(semi[:3]).encode() + b"\r\n")
write("semicolon-decimal-comma.csv", BOM + "\r\n".join(semi).encode() + b"\r\n")

# Tab-separated (Excel "Text (Tab delimited)", saved as UTF-8).
tab = [
    '\t'.join(HEADER),
    '1\t14/03/2026 10:22\tAnna, Example\tAnalyst\tlevel-2\tYes;No\tA data dictionary;Named data owners\tAgree\t12',
]
write("tab.csv", "\n".join(tab).encode() + b"\n")

# Excel "CSV (Comma delimited)" on Windows: Windows-1252, so "£" is one byte 0xA3 and the
# apostrophe in "Don't" a curly one, 0x92. The first bad byte is in row 3, column 3.
cp = [
    'ID,Completion time,Name,Which statement fits best?',
    '1,14/03/2026 10:22,Anna,level-1',
    '2,14/03/2026 10:30,Zo\u00eb O\u2019Neil,level-2',
]
write("windows-1252.csv", "\r\n".join(cp).encode("cp1252") + b"\r\n")

# Excel "Unicode Text": UTF-16 little-endian with its byte order mark, tab-separated.
write("utf16le.txt", b"\xff\xfe" + "ID\tq-quality\r\n1\tlevel-1\r\n".encode("utf-16-le"))

# Free text under "Other" in a choice and in a checklist, as Microsoft Forms and Google Forms
# write it; row 4 has a typo in an option label, which stays an error.
other = [
    'ID,q-quality,q-practices,q-skills-agree',
    '1,Other: we check when something breaks,"A data dictionary;Other: a wiki, kept by IT;Named data owners",Agree',
    '2,level-2,Other (please specify): spreadsheets,Disagree',
    '3,Key fields are checkd monthly.,A data dictionary,Agree',
]
write("other-answers.csv", "\n".join(other).encode() + b"\n")

# A US export: the first dates read either way, row 4's only as month/day/year.
us = [
    'ID,Date Submitted,q-quality',
    '1,03/04/2026 10:00:00 AM,level-1',
    '2,04/05/2026 02:30:00 PM,level-2',
    '3,04/13/2026 09:15:00 AM,level-3',
]
write("dates-month-first.csv", "\n".join(us).encode() + b"\n")
