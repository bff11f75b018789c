package dev.flowgate.portal.workflows;

import dev.flowgate.contracts.EventCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Row mappers of the workflow tables. */
final class WorkflowRows {

  private WorkflowRows() {}

  static WorkflowView workflow(ResultSet rs, int row) throws SQLException {
    return new WorkflowView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("current_version"),
        EventCodec.mapper().readTree(rs.getString("definition")), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  static WorkflowVersionView version(ResultSet rs, int row) throws SQLException {
    return new WorkflowVersionView(rs.getObject("workflow_id", UUID.class), rs.getInt("version"),
        EventCodec.mapper().readTree(rs.getString("definition")), rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant());
  }
}
