package dev.flowgate.portal.base.problems;

/** A resource that does not exist for the caller's tenant (another tenant's id included): 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String resourceType, Object id) {
    super(resourceType + " " + id + " not found");
  }
}
