#!/usr/bin/env python3
"""Writes the CSV fixtures byte for byte (byte order marks, CRLF, invalid UTF-8 are
invisible in an editor). Run from this directory: python3 make_fixtures.py"""

BOM = b"\xef\xbb\xbf"


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


# Microsoft Forms (an .xlsx export saved as CSV UTF-8): BOM, CRLF, numbered question texts,
# checklists and chains with ";" (and Forms' trailing ";"), a blank line at the end.
ms = [
    'ID,Start time,Completion time,Email,Name,Last modified time,Role,'
    '1. Which statement fits best?,2. How far do your quality checks go?,3. Which of these do you have?,'
    '4. Staff have the data skills their work needs.,5. How many staff had data training last year?,'
    '6. Is there a plan to keep those skills up to date?',
    '1,14/03/2026 10:15:00,14/03/2026 10:22:05,anna@eastmere.example,Anna Example,,Senior leader,'
    'Key fields are checked monthly.,Yes;No;,A data dictionary;Routine quality checks;,Agree,12,Yes',
    '2,14/03/2026 11:00:00,14/03/2026 11:05:30,ben@eastmere.example,"Ben ""BJ"" Example",,analyst,'
    'Quality is measured and owned.,Yes;Yes;,Named data owners;,Neither agree nor disagree,N/A,No',
    '3,14/03/2026 12:00,14/03/2026 12:10,chris@eastmere.example,"Chris, Example",,Analyst,'
    'level-1,No;,,Disagree,0,',
]
write("ms-forms.csv", BOM + "\r\n".join(ms).encode() + b"\r\n\r\n")

# Google Forms: "Timestamp" with a zone, ", " between ticked options, no line end at the end.
google = [
    '"Timestamp","Email address","Role","Which statement fits best?","How far do your quality checks go?",'
    '"Which of these do you have?","Staff have the data skills their work needs.",'
    '"How many staff had data training last year?","Is there a plan to keep those skills up to date?","Score"',
    '"2026/03/14 10:22:05 AM GMT","dee@example.org","Senior leader","Errors are found by chance.",'
    '"Are key fields checked?","A data dictionary, Named data owners","Agree","7","Yes",""',
    '"2026/03/14 10:22:05 am GMT+1","fay@example.org","Analyst","Key fields are checked monthly.","None",'
    '"Routine quality checks, A data dictionary, Named data owners","Don\u2019t know","","",""',
    '"2026/03/15 2:05:00 PM GMT","gus@example.org","Analyst","level-2","Is quality measured and reported?",'
    '"","Disagree","3.5","",""',
]
write("google-forms.csv", "\n".join(google).encode())

# SurveyMonkey: extra columns, a second header row, month/day/year dates, headers that need a mapping.
sm = [
    'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,'
    'Your job,Data quality,Quality checks,Practices,Skills,Trained staff,Training plan',
    ',,,,,,,,,Response,Response,Response,Response,Response,Open-Ended Response,Response',
    '114227001,431234,03/14/2026 10:01:00 AM,03/14/2026 10:22:05 AM,192.0.2.1,eve@example.org,Eve,Example,,'
    'Head of service,Sometimes checked,Yes;Yes,Named data owners;A data dictionary,Agree,40,Not yet',
    '114227002,431234,03/14/2026 01:30:00 PM,03/14/2026 02:05:00 PM,192.0.2.2,hal@example.org,Hal,Example,,'
    'Analyst,Quality is measured and owned.,checked,,Neutral,N/A,',
]
write("surveymonkey.csv", "\r\n".join(sm).encode() + b"\r\n")

# Question ids as headers; quoted fields with commas, doubled quotes and line ends; a column
# that is not a question; two columns for one question.
quoted = (
    'id,role,q-quality,q-practices,Notes,q-quality,q-trained\n'
    '"r1","Analyst","level-1","dictionary;owners","A note, with a comma\nand a second line","",5\n'
    '"r2","Analyst","","quality-checks","""Quoted"" text","Key fields are checked monthly.",6\n'
    '"r3","Analyst","level-3","","x","Level-3 ",7\n'
    '"r4","Analyst","level-1","","","level-2",8\n'
)
write("quoted-and-duplicates.csv", quoted.encode())

# One problem per row (rows 2 to 17), then a good row.
bad = [
    'ID,Timestamp,Role,q-quality,q-checks,q-practices,q-skills-agree,q-trained,q-training-plan',
    'a,14/03/2026 10:00,Analyst,Sometimes,,,,,',                    # 2: not an option
    'b,14/03/2026 10:00,Analyst,N/A,,,,,',                          # 3: N/A not allowed
    'c,14/03/2026 10:00,Analyst,,Don\'t know,,,,',                  # 4: don't know not allowed
    'd,14/03/2026 10:00,Analyst,,,Spreadsheets;A data dictionary,,,',  # 5: unknown ticked item
    'e,14/03/2026 10:00,Analyst,,,,,150,',                          # 6: over max
    'f,14/03/2026 10:00,Analyst,,,,,"1,5",',                        # 7: decimal comma
    'g,14/03/2026 10:00,Analyst,,No;Yes,,,,',                       # 8: chain step after a no
    'h,14/03/2026 10:00,Manager,level-1,,,,,',                      # 9: unknown role
    'i,yesterday,Analyst,level-1,,,,,',                             # 10: unreadable timestamp
    'j,3/14/2026 10:00,Analyst,level-1,,,,,',                       # 11: month/day/year
    'a,14/03/2026 10:00,Analyst,level-1,,,,,',                      # 12: duplicate of row 2
    'k,14/03/2026 10:00,Analyst,level-2,,,,,,extra',                # 13: value beyond the header
    'l,14/03/2026 10:00,Analyst,level-2,Yes;Yes;Yes,,,,',           # 14: three answers, two steps
    'm,14/03/2026 10:00,Analyst,level-2,,A data dictionary;A data dictionary,,,',  # 15: ticked twice
    'n,14/03/2026 10:00,Analyst,level-2,,,Agree,,Maybe',            # 16: not an option
    'p,14/03/2026 10:00,Analyst,level-3,Yes,,Agree,12 staff,Yes',   # 17: not a number
    'o,14/03/2026 10:00,Analyst,level-3,yes,owners,agree,42,yes',   # 18: good
]
write("bad-rows.csv", ("\n".join(bad) + "\n").encode())

# Windows-1252 text saved as if it were UTF-8: a lone 0xA3 (a pound sign) in row 3, column 2.
write("bad-utf8.csv", b"id,q-quality\nr1,level-1\nr2,\xa3100 a year\nr3,level-2\n")

# Lone CR line ends (old Mac Excel) and a quoted field holding CRLF.
write("cr-line-ends.csv", b'id,q-quality,Notes\rr1,level-1,"two\r\nlines"\rr2,level-2,plain\r')
