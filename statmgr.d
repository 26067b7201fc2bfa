#
#                 statmgr.d: configuration of the Earthworm status manager
#
#  statmgr watches the heartbeats and error messages that Earthworm modules put on a
#  transport ring.  When a module stops beating, or reports errors faster than its
#  descriptor allows, statmgr writes the report to its log and can page (through the
#  pageit system) and mail people about it.  It can also ask startstop to restart a
#  module whose heartbeat stopped.
#
#  How this file is read:
#    * One command per line.  The first word is the command; it is case-sensitive.
#    * A line whose first word starts with # is a comment.  Words after the ones a
#      command needs are ignored, so a comment may follow a command on its line.
#    * Put a value in double quotes when it contains blanks: Subject "EW alert".
#    * ${NAME} is replaced by the SetEnvVariable of that name in
#      $EW_PARAMS/earthworm_commonvars.d, or else by the environment variable NAME.
#    * @otherfile.d reads the commands of another file at that point.
#    * File names are taken relative to the working directory, which is EW_PARAMS
#      when startstop runs statmgr.  That is why the descriptors below are bare names.
#
#  Check this file, every descriptor it names and the Earthworm tables without
#  starting anything:
#      statmgr --check statmgr.d
#  It prints the configuration as statmgr would log it, then every problem as
#  file:line: error|warning: text, and exits 0 when statmgr would start.
#
#  Commands marked "required" must appear; statmgr does not start without them.


#  ---------------------------------------------------------------------------------
#  Who statmgr is and where it listens
#  ---------------------------------------------------------------------------------

#  MyModuleId (required): statmgr's own module name from earthworm.d.  One of the
#  descriptors below (statmgr.desc) must have this modId and the installation named
#  by the environment variable EW_INSTALLATION.
#
MyModuleId      MOD_STATMGR

#  RingName (required): the transport ring to read heartbeats and errors from, as
#  named in earthworm.d.  Pages (TYPE_PAGE) and the pageit heartbeat always go to
#  this ring, also when CheckAllRings is on.
#
RingName        STATUS_RING

#  CheckAllRings (optional, default 0): 1 makes statmgr ask startstop for every ring
#  it created and watch all of them; any other value watches RingName only.
#  Don't combine CheckAllRings 1 with copystatus modules: each heartbeat and error
#  would then be counted twice.  On a very busy ring, prefer CheckAllRings 0 with
#  copystatus copying the status messages of the other rings to RingName.
#
CheckAllRings   0

#  GetStatusFrom (required): whose heartbeats, errors, stop and restart messages to
#  read:  GetStatusFrom <installation> <module>.  INST_WILDCARD or MOD_WILDCARD
#  accept any installation or module.  Up to 64 lines may be given; C statmgr
#  accepted only one.
#
GetStatusFrom   ${EW_INST_ID}   MOD_WILDCARD


#  ---------------------------------------------------------------------------------
#  Logging
#  ---------------------------------------------------------------------------------

#  LogFile (required): 1 = log file in EW_LOG and copies on the console;
#  2 = log file only; 0 = no log file after startup (the day's file is still created
#  and holds the startup lines).
#
LogFile         1

#  Debug (optional, default 0): 1 logs each heartbeat seen and each sleep of the
#  main loop; 2 also logs each switch between rings when CheckAllRings is on.
#
# Debug         1

#  DontReportUnknownModule (optional, default 0): 1 stops the "msg from unknown
#  module" reports about modules that have no descriptor below.  Otherwise every
#  message from such a module is reported, which can fill the log.
#
DontReportUnknownModule 0


#  ---------------------------------------------------------------------------------
#  Paging
#  ---------------------------------------------------------------------------------

#  heartbeatPageit (required): seconds between the "alive" messages statmgr sends to
#  the pageit system, which raises its own alarm when they stop.  0 or less sends
#  one at most every second.
#
heartbeatPageit 60

#  pagegroup (required, 1 to 10 lines of 1 to 59 characters): the pager groups that
#  get pages.  The paging system maps each group to people.  A descriptor's own
#  pagegroup lines replace these for that module.
#
pagegroup       earthworm-ops

#  PageMaxBytes (optional, default 249): the longest page text, in bytes, before the
#  closing #.  249 is what C statmgr could send; longer texts are cut.
#
PageMaxBytes    249


#  ---------------------------------------------------------------------------------
#  Mail
#  ---------------------------------------------------------------------------------

#  mail (optional, 0 to 10 lines of 1 to 59 characters): who gets mail reports.  A
#  descriptor's own mail lines replace these for that module, for heartbeat and
#  error reports alike.
#
mail            earthworm-ops@example.org

#  MailServer (optional, up to 10 lines): SMTP servers, host or host:port, tried in
#  the order given until one accepts.  Each recipient gets a message of its own.
#  Mail never holds up monitoring: it is queued and retried for about a quarter of
#  an hour when a server is unreachable.  Here: the mail relay of this computer.
#
MailServer      127.0.0.1
# MailServer    smtp.example.org:587

#  MailProgram (optional): used only when no MailServer is given.  The program is run
#  directly (no shell) once per recipient as:  <program> -s <Subject> <recipient>
#  with MsgPrefix, the report and MsgSuffix on its standard input.  Without
#  MailServer and MailProgram, the program "mail" found on PATH is used.
#
# MailProgram   /usr/bin/mail

#  Subject (optional, default "Earthworm Status Message"): subject of every mail.
#
Subject         "Earthworm status message"

#  From (optional): the sender of SMTP mail; default user@host.  A MailProgram
#  chooses its own sender.
#
# From          statmgr@example.org

#  MsgPrefix, MsgSuffix (optional): text put before and after the report in the body
#  of every mail (not in pages).
#
# MsgPrefix     "(("
# MsgSuffix     "))"

#  SmtpSecurity (optional, default auto): how the SMTP connection is protected.
#    auto      STARTTLS when the server offers it (SSL from the start on port 465)
#    none      plain connection
#    starttls  STARTTLS required
#    ssl       TLS from the first byte
#  Server certificates are always checked against the system's trusted authorities.
#
SmtpSecurity    auto

#  SmtpCaFile (optional): a file of extra certificate authorities (PEM) to trust,
#  for a site's own mail server.
#
# SmtpCaFile    /etc/earthworm/site-ca.pem

#  SmtpUser, SmtpPasswordFile (optional): log in to the SMTP server as SmtpUser with
#  the password kept in SmtpPasswordFile.  Keep that file readable by the Earthworm
#  user only; statmgr never logs the password.
#
# SmtpUser          statmgr
# SmtpPasswordFile  /etc/earthworm/smtp-password

#  SmtpTimeout (optional, default 30): seconds to wait for an SMTP server.
#
SmtpTimeout     30

#  LegacyMailRouting (optional, default 0): 1 routes mail exactly as C statmgr 2.0.14
#  does, with its known flaws: heartbeat reports mail the list above only when the
#  descriptor has mail lines of its own, error reports ignore a descriptor's mail
#  lines when no MailServer is set, and a negative error page:/mail: limit means
#  "never" instead of "no limit".  Only for sites that compare old and new output.
#
LegacyMailRouting 0


#  ---------------------------------------------------------------------------------
#  Transport ring layout
#  ---------------------------------------------------------------------------------

#  RingLayout (optional, default auto): the memory layout of the rings startstop
#  created: lp64 (64-bit Earthworm, 7.10 and later), ilp32 (32-bit builds such as
#  stock 7.9), or auto to tell them apart from the ring header.
#
RingLayout      auto


#  ---------------------------------------------------------------------------------
#  Descriptors (at least one is required, at most 200)
#  ---------------------------------------------------------------------------------
#
#  One descriptor file per watched module says how long its heartbeat may be late,
#  which of its errors to report, and how many pages and mails each may cost.
#  statmgr reports nothing about a module that has no descriptor here.  Paths may
#  be up to 63 characters long.
#
#  statmgr.desc (statmgr's own errors) is required.  For every descriptor except
#  statmgr.desc and startstop.desc, statmgr also reads the module's own .d file (the
#  descriptor's name with "desc" replaced by "d") for its heartbeat interval: see
#  the comments in the descriptors.
#
Descriptor      statmgr.desc
Descriptor      startstop.desc
Descriptor      pick_ew.desc
Descriptor      tankplayer.desc
Descriptor      wave_serverV.desc
