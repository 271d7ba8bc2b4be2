package dev.ragft.bench.report;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates JUnit XML against the schema of Jenkins' xUnit plugin, shipped as a test resource. */
public final class JunitSchema {
  private JunitSchema() {}

  /** @throws SAXException naming line and column of the first violation */
  public static void validate(String xml) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.newSchema(JunitSchema.class.getResource("/junit/jenkins-junit-10.xsd")).newValidator()
        .validate(new StreamSource(new StringReader(xml)));
  }
}
