/* The snapshots both consumers lint, usable from C and C++. */
#ifndef SNAPLINT_PACKAGE_TEST_SNAPSHOTS_H
#define SNAPLINT_PACKAGE_TEST_SNAPSHOTS_H

#define CLEAN_SNAPSHOT                                                                         \
  "{\"graph\": {\"nodes\": ["                                                                  \
  "{\"id\": \"start\", \"name\": \"__start__\", \"type\": \"DefaultNode\", \"prompt\": \"\"}," \
  "{\"id\": \"end\", \"name\": \"__end__\", \"type\": \"DefaultNode\", \"prompt\": \"\"}],"    \
  "\"edges\": [{\"id\": \"e1\", \"from\": \"start\", \"to\": \"end\"}]}}"

/* An unreachable node (error) and an unused tool (warning). */
#define BROKEN_SNAPSHOT                                                                           \
  "{\"graph\": {\"nodes\": ["                                                                     \
  "{\"id\": \"start\", \"name\": \"__start__\", \"type\": \"DefaultNode\", \"prompt\": \"\"},"    \
  "{\"id\": \"end\", \"name\": \"__end__\", \"type\": \"DefaultNode\", \"prompt\": \"\"},"        \
  "{\"id\": \"draft\", \"name\": \"draft\", \"type\": \"DefaultNode\", \"prompt\": \"Later.\"}]," \
  "\"edges\": [{\"id\": \"e1\", \"from\": \"start\", \"to\": \"end\"}],"                          \
  "\"tools\": [{\"id\": \"crm\", \"name\": \"crm\", \"description\": \"CRM\"}]}}"

#endif
