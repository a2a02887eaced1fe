/**
 * The auditor's pages and API (审计员): searching and exporting the audit log and verifying its chain. They
 * only read the log; the single POST runs a verification.
 */
@NullMarked
package org.zhengtong.audit.web;

import org.jspecify.annotations.NullMarked;
